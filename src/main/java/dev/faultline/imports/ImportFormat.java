package dev.faultline.imports;

import java.util.Locale;
import java.util.Optional;

/** File formats an import accepts. */
public enum ImportFormat {
    csv,
    /** Tab-separated, with a header row (sensor readings). */
    tsv,
    jsonl;

    /** From an explicit {@code format} value, else from the file name's extension. */
    static Optional<ImportFormat> resolve(String explicit, String fileName) {
        String v = explicit != null && !explicit.isBlank() ? explicit.strip().toLowerCase(Locale.ROOT) : extension(fileName);
        return switch (v) {
            case "csv" -> Optional.of(csv);
            case "tsv", "tab" -> Optional.of(tsv);
            case "jsonl", "ndjson" -> Optional.of(jsonl);
            default -> Optional.empty();
        };
    }

    private static String extension(String fileName) {
        if (fileName == null || fileName.lastIndexOf('.') < 0) {
            return "";
        }
        return fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }
}
