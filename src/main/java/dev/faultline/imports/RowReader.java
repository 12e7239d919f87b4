package dev.faultline.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.error.FieldError;
import dev.faultline.error.ProblemException;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Streams the rows of an import file, one at a time (a file is never held in memory). Decoding is strict
 * UTF-8. Problems with one row become that row's error; problems that make the rest of the file unreadable
 * (invalid UTF-8, broken CSV quoting) are a 400 naming the line.
 */
interface RowReader extends Closeable {

    /** The next row, or null at the end of the file. */
    Row next();

    /** Header columns no record field reads (CSV only). */
    List<String> ignoredColumns();

    static RowReader open(Path file, ImportFormat format, Map<String, String> mapping, ObjectMapper json) {
        try {
            BufferedReader reader = utf8(file);
            return switch (format) {
                case csv -> new CsvRowReader(reader, mapping);
                case jsonl -> new JsonlRowReader(reader, json);
                case tsv -> throw ProblemException.badRequest(FieldError.of("format",
                        "records come as csv or jsonl; tsv is for sensor readings (target=readings)"));
            };
        } catch (IOException e) {
            throw unreadable(1, e);
        }
    }

    /** A strict UTF-8 reader with a leading byte-order mark skipped. */
    static BufferedReader utf8(Path file) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    /** The 400 for a file that cannot be read on from {@code line}. */
    static ProblemException unreadable(long line, Throwable cause) {
        Throwable root = cause instanceof UncheckedIOException u ? u.getCause() : cause;
        String reason = root instanceof CharacterCodingException
                ? "is not valid UTF-8 (save the file as UTF-8)"
                : "cannot be parsed: " + root.getMessage();
        return ProblemException.badRequest(FieldError.atLine(line, "file", reason));
    }
}
