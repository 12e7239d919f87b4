package dev.faultline.imports;

import dev.faultline.error.FieldError;
import dev.faultline.error.ProblemException;
import dev.faultline.ingest.AssetInput;
import dev.faultline.ingest.RecordInput;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which CSV column feeds which record field. A header named like a field ({@code text}, {@code asset.id},
 * {@code fields.action}, case-insensitive) maps itself; the optional mapping ({@code {"text":"PROBLEM"}}) adds to
 * or overrides that. Without an {@code externalId} column, a row's id is a hash of its mapped values, so
 * re-importing the same file is idempotent.
 */
final class ColumnMapping {

    static final List<String> TARGETS = List.of("source", "externalId", "kind", "occurredAt", "author", "title",
            "text", "language", "tags", "asset.id", "asset.name", "asset.type", "asset.site", "asset.line");

    private final Map<String, Integer> columnOf;
    private final List<String> ignored;

    private ColumnMapping(Map<String, Integer> columnOf, List<String> ignored) {
        this.columnOf = columnOf;
        this.ignored = ignored;
    }

    /** Resolves the mapping against a header; a bad target or column is a 400 naming {@code mapping.<target>}. */
    static ColumnMapping resolve(List<String> header, Map<String, String> explicit) {
        Map<String, Integer> columnOf = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String target = canonical(header.get(i).strip());
            if (target != null) {
                columnOf.put(target, i);
            }
        }
        for (Map.Entry<String, String> e : explicit.entrySet()) {
            String target = canonical(e.getKey());
            if (target == null) {
                throw bad("mapping." + e.getKey(), "is not a record field; use one of " + TARGETS + " or fields.<name>");
            }
            int column = header.indexOf(e.getValue());
            if (column < 0) {
                throw bad("mapping." + e.getKey(), "column '" + e.getValue() + "' is not in the header " + header);
            }
            columnOf.put(target, column);
        }
        if (!columnOf.containsKey("text")) {
            throw bad("mapping.text", "no column gives the record text: name a column 'text' or map one, e.g."
                    + " mapping={\"text\":\"PROBLEM\"}; header is " + header);
        }
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (!columnOf.containsValue(i)) {
                ignored.add(header.get(i));
            }
        }
        return new ColumnMapping(columnOf, ignored);
    }

    List<String> ignoredColumns() {
        return ignored;
    }

    RecordInput toInput(List<String> row) {
        Map<String, String> fields = new TreeMap<>();
        columnOf.forEach((target, column) -> {
            if (target.startsWith("fields.")) {
                fields.put(target.substring("fields.".length()), value(row, column));
            }
        });
        String externalId = columnOf.containsKey("externalId") ? get(row, "externalId") : rowHash(row);
        AssetInput asset = columnOf.containsKey("asset.id") && get(row, "asset.id") != null
                ? new AssetInput(get(row, "asset.id"), get(row, "asset.name"), get(row, "asset.type"),
                        get(row, "asset.site"), get(row, "asset.line"))
                : null;
        String tags = get(row, "tags");
        return new RecordInput(get(row, "source"), externalId, get(row, "kind"), asset, get(row, "occurredAt"),
                get(row, "author"), get(row, "title"), get(row, "text"), fields, get(row, "language"),
                tags == null ? null : Arrays.stream(tags.split("[;|]")).map(String::strip).filter(t -> !t.isEmpty()).toList());
    }

    private String get(List<String> row, String target) {
        Integer column = columnOf.get(target);
        return column == null ? null : value(row, column);
    }

    private static String value(List<String> row, int column) {
        String v = column < row.size() ? row.get(column) : null;
        return v == null || v.isBlank() ? null : v;
    }

    private String rowHash(List<String> row) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (int column : columnOf.values()) {
                String v = value(row, column);
                sha.update((v == null ? "" : v).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return "row-" + HexFormat.of().formatHex(sha.digest()).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The record field a header or mapping key names, or null. */
    private static String canonical(String name) {
        if (name.toLowerCase(Locale.ROOT).startsWith("fields.") && name.length() > "fields.".length()) {
            return "fields." + name.substring("fields.".length());
        }
        return TARGETS.stream().filter(t -> t.equalsIgnoreCase(name)).findFirst().orElse(null);
    }

    private static ProblemException bad(String field, String reason) {
        return ProblemException.badRequest(FieldError.of(field, reason));
    }
}
