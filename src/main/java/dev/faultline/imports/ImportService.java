package dev.faultline.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.audit.AuditService;
import dev.faultline.error.FieldError;
import dev.faultline.error.InputText;
import dev.faultline.error.ProblemException;
import dev.faultline.record.RecordKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * File imports: accepting a file (checked, spooled to disk and queued before it is acknowledged), reporting
 * progress, and running queued jobs.
 */
@ApplicationScoped
public class ImportService {

    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};

    private final ImportRepository repository;
    private final ImportRunner runner;
    private final ImportConfig config;
    private final ObjectMapper json;
    private final AuditService audit;
    private final ImportInspector inspector;

    ImportService(ImportRepository repository, ImportRunner runner, ImportConfig config, ObjectMapper json,
            AuditService audit, ImportInspector inspector) {
        this.inspector = inspector;
        this.repository = repository;
        this.runner = runner;
        this.config = config;
        this.json = json;
        this.audit = audit;
    }

    /** Checks the whole file (encoding, structure, mapping), spools it and queues a job. */
    public ImportView submit(ImportUpload upload, String actor) {
        if (upload.file() == null) {
            throw bad("file", "is required: send the CSV or JSONL file as the multipart field 'file'");
        }
        if (upload.size() > config.maxFileBytes().asLongValue()) {
            throw ProblemException.tooLarge("The file", config.maxFileBytes().asLongValue(),
                    "faultline.imports.max-file-bytes");
        }
        ImportTarget target = target(upload.target());
        ImportFormat format = ImportFormat.resolve(upload.format(), upload.fileName()).orElseThrow(() -> bad(
                "format", "cannot tell the format of '" + upload.fileName() + "': send format=csv, tsv or jsonl"));
        if (target == ImportTarget.readings && upload.mapping() != null && !upload.mapping().isBlank()) {
            throw bad("mapping", "applies to record imports; a readings file names its columns asset, time (or cycle),"
                    + " and sensor and value or one column per sensor");
        }
        Map<String, String> mapping = target == ImportTarget.records ? mapping(upload.mapping(), format) : Map.of();
        String kind = kind(upload.kind());
        String source = source(upload.source(), upload.fileName());
        Map<String, String> options = new java.util.LinkedHashMap<>();
        if (upload.cycleStart() != null && !upload.cycleStart().isBlank()) {
            options.put(ImportTargets.CYCLE_START, upload.cycleStart().strip());
        }
        if (upload.cycleLength() != null && !upload.cycleLength().isBlank()) {
            options.put(ImportTargets.CYCLE_LENGTH, upload.cycleLength().strip());
        }
        ImportInspector.Inspection inspection = inspector.inspect(upload.file(), format, mapping, target, options);
        UUID id = UUID.randomUUID();
        Path spooled = spool(upload.file(), id, format);
        try {
            repository.insert(new ImportJobRow(id, "queued", format, upload.fileName(), spooled.toString(),
                    upload.size(), source, kind, mapping, inspection.ignoredColumns(), inspection.rows(),
                    null, 0, null, null, null, null, actor, target, options));
            audit.record(actor, "submitted", "import", id.toString(), Map.of("file", String.valueOf(upload.fileName()),
                    "rows", inspection.rows(), "source", source));
        } catch (RuntimeException e) {
            deleteQuietly(spooled);
            throw e;
        }
        return status(id);
    }

    public ImportView status(UUID id) {
        ImportJobRow job = repository.find(id).orElseThrow(() -> ProblemException.notFound("Import", id));
        return ImportViews.of(job, repository.errors(id, config.maxStoredErrors()));
    }

    /** The newest jobs, each with its first row errors (those with failed rows only). */
    public List<ImportView> recent(int limit) {
        return repository.recent(limit).stream().map(j -> ImportViews.of(j,
                j.progress().failed() > 0 ? repository.errors(j.id(), RECENT_ERRORS) : List.of())).toList();
    }

    /** Every stored row error of a job, in line order (at most {@code faultline.imports.max-stored-errors}). */
    public List<FieldError> errors(UUID id) {
        repository.find(id).orElseThrow(() -> ProblemException.notFound("Import", id));
        return repository.errors(id, config.maxStoredErrors());
    }

    private static final int RECENT_ERRORS = 5;

    /** Claims the oldest queued (or abandoned) job and runs it to the end; false when there was none. */
    public boolean runNext() {
        return repository.claim(runner.owner(), config.staleAfter()).map(runner::run).isPresent();
    }

    private Map<String, String> mapping(String text, ImportFormat format) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        if (format != ImportFormat.csv) {
            throw bad("mapping", "applies to CSV files only; JSONL lines use the record field names");
        }
        try {
            return json.readValue(text, MAP);
        } catch (JsonProcessingException e) {
            throw bad("mapping", "must be a JSON object of field to column, e.g. {\"text\":\"PROBLEM\"}");
        }
    }

    private static String kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return RecordKind.MAINTENANCE_LOG.code();
        }
        return RecordKind.fromCode(kind.strip()).map(RecordKind::code).orElseThrow(() -> bad(
                "kind", "unknown kind '" + kind + "'; use one of " + RecordKind.codes()));
    }

    private static ImportTarget target(String target) {
        if (target == null || target.isBlank()) {
            return ImportTarget.records;
        }
        try {
            return ImportTarget.valueOf(target.strip());
        } catch (IllegalArgumentException e) {
            throw bad("target", "unknown target '" + target + "'; use records or readings");
        }
    }

    /** The form's source, else the file name without its extension. */
    private static String source(String source, String fileName) {
        InputText.check("source", source, false);
        InputText.check("file", fileName, false);
        if (source != null && !source.isBlank()) {
            if (source.strip().length() > 100) {
                throw bad("source", "is longer than 100 characters");
            }
            return source.strip();
        }
        String stem = fileName == null ? "" : fileName.replaceAll("\\.[^.]*$", "").strip();
        return stem.isEmpty() ? "import" : stem.substring(0, Math.min(stem.length(), 100));
    }

    private Path spool(Path received, UUID id, ImportFormat format) {
        try {
            Files.createDirectories(config.spoolDir());
            Path target = config.spoolDir().resolve(id + "." + format.name());
            try {
                return Files.move(received, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException notSameFileSystem) {
                return Files.copy(received, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("spooling the import file to " + config.spoolDir(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the job was not created, so the file is orphaned either way
        }
    }

    private static ProblemException bad(String field, String reason) {
        return ProblemException.badRequest(FieldError.of(field, reason));
    }
}
