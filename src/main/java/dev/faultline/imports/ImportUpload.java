package dev.faultline.imports;

import java.nio.file.Path;

/**
 * What arrived with {@code POST /api/v1/imports}: the received file and the optional form fields; {@code target}
 * (records or readings) and, for readings counted in cycles, {@code cycleStart} and {@code cycleLength}.
 */
public record ImportUpload(
        Path file, String fileName, long size, String format, String source, String kind, String mapping,
        String target, String cycleStart, String cycleLength) {

    /** A records import, as the forms without the readings fields send it. */
    public static ImportUpload records(Path file, String fileName, long size, String format, String source,
            String kind, String mapping) {
        return new ImportUpload(file, fileName, size, format, source, kind, mapping, null, null, null);
    }
}
