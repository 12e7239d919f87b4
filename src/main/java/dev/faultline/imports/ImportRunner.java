package dev.faultline.imports;

import dev.faultline.audit.AuditService;
import dev.faultline.error.FieldError;
import dev.faultline.error.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Runs one claimed job: streams the file from the row after the resume point (rows checked by the job's target:
 * records or readings) and commits them in batches. A row the database rejects is retried alone, so one bad row never blocks the others.
 */
@ApplicationScoped
public class ImportRunner {

    private static final Logger LOG = Logger.getLogger(ImportRunner.class);

    private final ImportBatchWriter writer;
    private final ImportRepository repository;
    private final ImportTargets targets;
    private final ImportConfig config;
    private final AuditService audit;
    private final dev.faultline.webhook.WebhookEvents webhooks;
    private final String owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    private volatile boolean stopping;

    ImportRunner(ImportBatchWriter writer, ImportRepository repository, ImportTargets targets, ImportConfig config,
            AuditService audit, dev.faultline.webhook.WebhookEvents webhooks) {
        this.audit = audit;
        this.webhooks = webhooks;
        this.writer = writer;
        this.repository = repository;
        this.targets = targets;
        this.config = config;
    }

    String owner() {
        return owner;
    }

    /** Asks a running job to stop after its current batch and go back to the queue (shutdown). */
    void stop() {
        stopping = true;
    }

    boolean stopping() {
        return stopping;
    }

    ImportJobRow run(ImportJobRow job) {
        Path file = Path.of(job.spoolPath());
        if (job.attempts() > config.maxAttempts()) {
            return finish(job, "failed", "gave up after " + config.maxAttempts() + " attempts");
        }
        if (!Files.exists(file)) {
            return finish(job, "failed", "the accepted file is no longer at " + file + " (faultline.imports.spool-dir)");
        }
        LOG.infof("import %s: %s from row %d of %d (attempt %d)", job.id(), job.fileName(),
                job.progress().lastRow() + 1, job.rowsTotal(), job.attempts());
        long stored = repository.errorCount(job.id());
        try (JobRows reader = targets.open(job, file)) {
            List<JobRow> batch = new ArrayList<>(config.batchSize());
            for (JobRow row = reader.next(); row != null; row = reader.next()) {
                if (row.number() > job.progress().lastRow()) {
                    batch.add(row);
                }
                if (batch.size() == config.batchSize()) {
                    stored += commit(job, batch, stored);
                    batch.clear();
                    if (stopping) {
                        repository.setState(job.id(), owner, "queued", "interrupted by a shutdown; resumes");
                        return job;
                    }
                }
            }
            if (!batch.isEmpty()) {
                commit(job, batch, stored);
            }
            return finish(job, "completed", null);
        } catch (ImportBatchWriter.LostJobException e) {
            LOG.warn(e.getMessage());
            return job;
        } catch (ProblemException e) {
            return finish(job, "failed", e.getMessage());
        } catch (IOException e) {
            return finish(job, "failed", "reading the file: " + e.getMessage());
        }
    }

    /** Commits checked rows; answers how many errors were stored. */
    private long commit(ImportJobRow job, List<JobRow> rows, long storedBefore) {
        long start = System.nanoTime();
        List<Object> items = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        long failed = 0;
        for (JobRow row : rows) {
            if (row.errors().isEmpty()) {
                items.addAll(row.items());
            } else {
                failed++;
                errors.addAll(row.errors());
            }
        }
        List<FieldError> toStore = errors.subList(0, (int) Math.min(errors.size(),
                Math.max(0, config.maxStoredErrors() - storedBefore)));
        long lastRow = rows.getLast().number();
        try {
            writer.commit(job.id(), owner, new ImportBatchWriter.Batch(job.target(), items, rows.size() - failed,
                    failed, toStore, lastRow, start));
            return toStore.size();
        } catch (ImportBatchWriter.LostJobException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warnf("import %s: batch ending at row %d rejected (%s); retrying its rows one by one",
                    job.id(), lastRow, e.getMessage());
            return rows.size() == 1 ? reject(job, rows.getFirst(), e, storedBefore) : oneByOne(job, rows, storedBefore);
        }
    }

    private long oneByOne(ImportJobRow job, List<JobRow> rows, long stored) {
        long added = 0;
        for (JobRow row : rows) {
            added += commit(job, List.of(row), stored + added);
        }
        return added;
    }

    private long reject(ImportJobRow job, JobRow row, RuntimeException e, long stored) {
        String reason = "the database rejected this row: " + rootMessage(e);
        List<FieldError> store = stored < config.maxStoredErrors()
                ? List.of(FieldError.atLine(row.line(), "row", reason))
                : List.of();
        writer.commit(job.id(), owner, new ImportBatchWriter.Batch(job.target(), List.of(), 0, 1, store, row.number(),
                System.nanoTime()));
        return store.size();
    }

    private ImportJobRow finish(ImportJobRow job, String state, String message) {
        // the state and its announcement commit together
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            if (repository.setState(job.id(), owner, state, message) == 0) {
                return; // another instance holds the job now: it announces the end
            }
            ImportJobRow now = repository.find(job.id()).orElse(job);
            webhooks.publish(dev.faultline.webhook.EventTypes.IMPORT_FINISHED, Map.of("id", job.id().toString(),
                    "state", state, "file", String.valueOf(job.fileName()), "message", String.valueOf(message),
                    "created", now.progress().created(), "updated", now.progress().updated(), "failed",
                    now.progress().failed(), "href", "/api/v1/imports/" + job.id()));
        });
        ImportJobRow done = repository.find(job.id()).orElse(job);
        audit.record(job.createdBy() == null ? "system" : job.createdBy(), state, "import", job.id().toString(),
                Map.of("file", String.valueOf(job.fileName()), "created", done.progress().created(),
                        "updated", done.progress().updated(), "failed", done.progress().failed()));
        LOG.infof("import %s: %s%s", job.id(), state, message == null ? "" : " (" + message + ")");
        if (state.equals("completed")) {
            try {
                Files.deleteIfExists(Path.of(job.spoolPath()));
            } catch (IOException e) {
                LOG.warnf("import %s: could not delete %s: %s", job.id(), job.spoolPath(), e.getMessage());
            }
        }
        return job;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
