package dev.faultline.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.error.FieldError;
import dev.faultline.error.InputText;
import dev.faultline.record.RecordConfig;
import dev.faultline.record.RecordKind;
import dev.faultline.record.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Checks one {@link RecordInput} and turns it into a {@link ValidRecord}, collecting every problem (not just the
 * first) with the field's path, so a client can fix a whole batch in one go.
 */
@ApplicationScoped
public class RecordValidator {

    static final int MAX_SHORT = 200;
    static final int MAX_TITLE = 500;
    static final int MAX_FIELDS = 50;
    static final int MAX_FIELD_CHARS = 20_000;
    static final int MAX_TAGS = 50;
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    private final IngestConfig config;
    private final RecordConfig recordConfig;
    private final ObjectMapper json;

    RecordValidator(IngestConfig config, RecordConfig recordConfig, ObjectMapper json) {
        this.config = config;
        this.recordConfig = recordConfig;
        this.json = json;
    }

    /** Outcome of one check: {@code record} is null when {@code errors} is not empty. */
    public record Checked(ValidRecord record, List<FieldError> errors) {}

    /**
     * @param in the record as received
     * @param prefix prepended to field names ({@code records[3].}); empty for file rows
     * @param line the file line, or null for REST
     * @param defaultSource used when the record names no source (imports); null means source is required
     * @param defaultKind used when the record names no kind
     */
    public Checked check(RecordInput in, String prefix, Long line, String defaultSource, String defaultKind) {
        Errors e = new Errors(prefix, line);
        String source = e.text("source", in.source() == null ? defaultSource : in.source(), true, 100);
        String externalId = e.text("externalId", in.externalId(), true, MAX_SHORT);
        String kindCode = in.kind() == null || in.kind().isBlank() ? defaultKind : in.kind().strip();
        if (RecordKind.fromCode(kindCode).isEmpty()) {
            e.add("kind", "unknown kind '" + kindCode + "'; use one of " + RecordKind.codes());
        }
        AssetInput asset = asset(in.asset(), e);
        OffsetDateTime occurredAt = occurredAt(in.occurredAt(), e);
        String author = e.text("author", in.author(), false, MAX_SHORT);
        String title = e.text("title", in.title(), false, MAX_TITLE);
        String text = e.text("text", in.text(), true, config.maxTextChars());
        SortedMap<String, String> fields = fields(in.fields(), e);
        String language = e.text("language", in.language(), false, 35);
        if (language != null && !LANGUAGE.matcher(language).matches()) {
            e.add("language", "'" + language + "' is not a language tag such as 'en' or 'de-CH'");
        }
        List<String> tags = tags(in.tags(), e);
        if (!e.list.isEmpty()) {
            return new Checked(null, e.list);
        }
        String hash = hash(kindCode, asset, occurredAt, author, title, text, fields, language, tags);
        // a language the writer did not give is detected where the script tells it (not part of the hash: the same
        // input is the same record)
        String stored = language != null ? language : ScriptLanguage.of(title, text);
        return new Checked(
                new ValidRecord(source, externalId, kindCode, asset, occurredAt, author, title, text, fields,
                        stored, tags, hash),
                List.of());
    }

    /** Checks an asset sent on its own ({@code PUT /api/v1/assets/{id}}): the problems, or none. */
    public Checked checkAsset(AssetInput a, List<AssetInput> out) {
        Errors e = new Errors("", null);
        AssetInput checked = asset(a, e);
        if (e.list.isEmpty()) {
            out.add(checked);
        }
        return new Checked(null, e.list);
    }

    private AssetInput asset(AssetInput a, Errors e) {
        if (a == null) {
            return null;
        }
        String id = e.text("asset.id", a.id(), true, MAX_SHORT);
        return new AssetInput(
                id,
                e.text("asset.name", a.name(), false, MAX_SHORT),
                e.text("asset.type", a.type(), false, MAX_SHORT),
                site(a.site(), e),
                e.text("asset.line", a.line(), false, MAX_SHORT));
    }

    /** A site of only spaces is a mistake, not "no site": it would file records under an invisible name. */
    private static String site(String value, Errors e) {
        if (value != null && !value.isEmpty() && value.isBlank()) {
            e.add("asset.site", "is only whitespace; leave it out when the asset has no site");
            return null;
        }
        return e.text("asset.site", value, false, MAX_SHORT);
    }

    private OffsetDateTime occurredAt(String value, Errors e) {
        if (value == null || value.isBlank()) {
            return null;
        }
        OffsetDateTime t = Timestamps.parse(value, recordConfig.defaultZone()).orElse(null);
        if (t == null) {
            e.add("occurredAt", "'" + value + "' is not an ISO-8601 date or date-time (e.g. 2024-03-01T08:15:00Z)");
        } else if (t.isAfter(OffsetDateTime.now().plusDays(1))) {
            e.add("occurredAt", "'" + value + "' is in the future");
        } else if (t.getYear() < 1900) {
            e.add("occurredAt", "'" + value + "' is before 1900");
        }
        return t;
    }

    private SortedMap<String, String> fields(Map<String, String> in, Errors e) {
        SortedMap<String, String> out = new TreeMap<>();
        if (in == null) {
            return out;
        }
        if (in.size() > MAX_FIELDS) {
            e.add("fields", "has " + in.size() + " entries; at most " + MAX_FIELDS);
        }
        for (Map.Entry<String, String> f : in.entrySet()) {
            if (!FIELD_NAME.matcher(f.getKey()).matches()) {
                e.add("fields", "'" + f.getKey() + "' is not a field name (a letter, then letters, digits or _)");
                continue;
            }
            String v = e.text("fields." + f.getKey(), f.getValue(), false, MAX_FIELD_CHARS);
            if (v != null) {
                out.put(f.getKey(), v);
            }
        }
        return out;
    }

    private static List<String> tags(List<String> in, Errors e) {
        if (in == null) {
            return List.of();
        }
        if (in.size() > MAX_TAGS) {
            e.add("tags", "has " + in.size() + " tags; at most " + MAX_TAGS);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            String t = e.text("tags[" + i + "]", in.get(i), true, 100);
            if (t != null && !out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    private String hash(Object... parts) {
        try {
            byte[] canonical = json.writeValueAsString(Arrays.asList(parts)).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("hashing a record", e);
        }
    }

    /** Free text may break lines; ids, names, sites, sources and tags may not. */
    private static boolean multiline(String field) {
        return field.equals("text") || field.equals("title") || field.startsWith("fields.");
    }

    /** Collects errors with the path prefix and line. */
    private static final class Errors {
        private final String prefix;
        private final Long line;
        private final List<FieldError> list = new ArrayList<>();

        Errors(String prefix, Long line) {
            this.prefix = prefix;
            this.line = line;
        }

        void add(String field, String reason) {
            list.add(new FieldError(prefix + field, line, reason));
        }

        /** Trims; blank becomes null; checks presence, length and characters PostgreSQL cannot store. */
        String text(String field, String value, boolean required, int max) {
            String v = value == null ? null : value.strip();
            if (v == null || v.isEmpty()) {
                if (required) {
                    add(field, "is required");
                }
                return null;
            }
            if (v.length() > max) {
                add(field, "is " + v.length() + " characters long; at most " + max);
            }
            String controls = InputText.problem(v, multiline(field));
            if (controls != null) {
                add(field, controls);
            }
            return v;
        }
    }
}
