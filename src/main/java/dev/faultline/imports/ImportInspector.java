package dev.faultline.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.error.FieldError;
import dev.faultline.error.ProblemException;
import dev.faultline.sensor.ReadingsFile;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Reads a whole file once before it is accepted: valid UTF-8, a structure its target can read (header, columns,
 * options), and how many rows it holds (for the progress bar). Row problems are left to the job.
 */
@ApplicationScoped
class ImportInspector {

    record Inspection(long rows, List<String> ignoredColumns) {}

    private final ImportTargets targets;
    private final ObjectMapper json;

    ImportInspector(ImportTargets targets, ObjectMapper json) {
        this.targets = targets;
        this.json = json;
    }

    Inspection inspect(Path file, ImportFormat format, Map<String, String> mapping, ImportTarget target,
            Map<String, String> options) {
        try {
            OptionalLong bad = Utf8Check.firstInvalidLine(file);
            if (bad.isPresent()) {
                throw ProblemException.badRequest(FieldError.atLine(bad.getAsLong(), "file",
                        "is not valid UTF-8 (save the file as UTF-8)"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target == ImportTarget.readings ? readings(file, format, options) : records(file, format, mapping);
    }

    private Inspection readings(Path file, ImportFormat format, Map<String, String> options) {
        try (ReadingsFile reader = targets.readingsFile(file, format, options.get(ImportTargets.CYCLE_START),
                options.get(ImportTargets.CYCLE_LENGTH))) {
            long rows = 0;
            while (reader.next() != null) {
                rows++;
            }
            if (rows == 0) {
                throw ProblemException.badRequest(FieldError.of("file", "has no data rows"));
            }
            return new Inspection(rows, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Inspection records(Path file, ImportFormat format, Map<String, String> mapping) {
        try (RowReader reader = RowReader.open(file, format, mapping, json)) {
            Row first = reader.next();
            if (first == null) {
                throw ProblemException.badRequest(FieldError.of("file", "has no data rows"));
            }
            if (format == ImportFormat.jsonl && first.error() != null && first.error().field().equals("body")) {
                throw ProblemException.badRequest(FieldError.atLine(first.line(), "file",
                        "is not JSON Lines (one JSON record per line): " + first.error().reason()
                                + "; for a CSV file send format=csv"));
            }
            long rows = 1;
            while (reader.next() != null) {
                rows++;
            }
            return new Inspection(rows, reader.ignoredColumns());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
