package dev.faultline.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.error.FieldError;
import dev.faultline.error.ProblemException;
import dev.faultline.ingest.IngestService;
import dev.faultline.ingest.RecordValidator;
import dev.faultline.ingest.UpsertResult;
import dev.faultline.ingest.ValidRecord;
import dev.faultline.sensor.Reading;
import dev.faultline.sensor.ReadingsFile;
import dev.faultline.sensor.ReadingsResult;
import dev.faultline.sensor.SensorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What each kind of import does with its rows: records are read by {@link RowReader} and checked by the
 * record validator, then upserted by the ingest feature; readings are read and checked by the sensor feature's
 * {@link ReadingsFile} and written by {@link SensorService}. The job machinery (spool, claim, batches, progress,
 * resume, errors) is the same for both.
 */
@ApplicationScoped
class ImportTargets {

    static final String CYCLE_START = "cycleStart";
    static final String CYCLE_LENGTH = "cycleLength";

    private final RecordValidator validator;
    private final IngestService ingest;
    private final SensorService sensors;
    private final ObjectMapper json;

    ImportTargets(RecordValidator validator, IngestService ingest, SensorService sensors, ObjectMapper json) {
        this.validator = validator;
        this.ingest = ingest;
        this.sensors = sensors;
        this.json = json;
    }

    JobRows open(ImportJobRow job, Path file) {
        return job.target() == ImportTarget.readings ? readings(job, file) : records(job, file);
    }

    /** Writes one batch's items in the caller's transaction; answers {created, updated, unchanged}. */
    @SuppressWarnings("unchecked")
    long[] write(ImportTarget target, List<?> items) {
        if (target == ImportTarget.readings) {
            ReadingsResult r = sensors.write((List<Reading>) items);
            return new long[] {r.inserted(), r.updated(), r.unchanged()};
        }
        List<UpsertResult> results = ingest.write((List<ValidRecord>) items);
        long created = results.stream().filter(r -> r.status() == UpsertResult.Status.created).count();
        long updated = results.stream().filter(r -> r.status() == UpsertResult.Status.updated).count();
        return new long[] {created, updated, results.size() - created - updated};
    }

    private JobRows records(ImportJobRow job, Path file) {
        RowReader reader = RowReader.open(file, job.format(), job.mapping(), json);
        return new JobRows() {
            @Override
            public JobRow next() {
                Row row = reader.next();
                if (row == null) {
                    return null;
                }
                if (row.error() != null) {
                    return new JobRow(row.number(), row.line(), List.of(), List.of(row.error()));
                }
                RecordValidator.Checked c = validator.check(row.input(), "", row.line(), job.source(), job.defaultKind());
                return new JobRow(row.number(), row.line(), c.record() == null ? List.of() : List.of(c.record()),
                        c.errors());
            }

            @Override
            public void close() throws IOException {
                reader.close();
            }
        };
    }

    private JobRows readings(ImportJobRow job, Path file) {
        ReadingsFile reader = readingsFile(file, job.format(), job.options().get(CYCLE_START),
                job.options().get(CYCLE_LENGTH));
        return new JobRows() {
            @Override
            public JobRow next() {
                ReadingsFile.Line line = reader.next();
                return line == null ? null : new JobRow(line.number(), line.line(), line.readings(),
                        line.error() == null ? List.of() : List.of(line.error()));
            }

            @Override
            public void close() throws IOException {
                reader.close();
            }
        };
    }

    /** A readings file with its options checked (400 naming the field when they are wrong). */
    ReadingsFile readingsFile(Path file, ImportFormat format, String cycleStart, String cycleLength) {
        if (format == ImportFormat.jsonl) {
            throw ProblemException.badRequest(FieldError.of("format", "readings come as csv or tsv (long or wide layout)"));
        }
        OffsetDateTime start;
        Duration length;
        try {
            start = cycleStart == null ? OffsetDateTime.parse("2000-01-01T00:00:00Z") : OffsetDateTime.parse(cycleStart);
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.badRequest(FieldError.of("cycleStart", "'" + cycleStart
                    + "' is not an ISO-8601 date-time with offset, such as 2026-01-01T00:00:00Z"));
        }
        try {
            length = cycleLength == null ? Duration.ofHours(1) : Duration.parse(cycleLength);
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.badRequest(FieldError.of("cycleLength", "'" + cycleLength
                    + "' is not an ISO-8601 duration, such as PT1H"));
        }
        if (length.isNegative() || length.isZero()) {
            throw ProblemException.badRequest(FieldError.of("cycleLength", "must be longer than zero"));
        }
        try {
            return new ReadingsFile(RowReader.utf8(file), sensors.fileOptions(format == ImportFormat.tsv ? '\t' : ',',
                    start, length));
        } catch (IOException e) {
            throw RowReader.unreadable(1, e);
        }
    }
}
