package dev.faultline.imports;

import dev.faultline.error.FieldError;
import dev.faultline.ingest.IngestService;
import dev.faultline.ingest.UpsertResult;
import dev.faultline.ingest.ValidRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * Commits one batch of an import: the records, the row errors, the counts and the resume point, in one
 * transaction. Either all of it is in the database or none of it is, which is what makes resuming exact.
 */
@ApplicationScoped
public class ImportBatchWriter {

    private final IngestService ingest;
    private final ImportRepository repository;

    ImportBatchWriter(IngestService ingest, ImportRepository repository) {
        this.ingest = ingest;
        this.repository = repository;
    }

    /** Thrown (rolling the batch back) when another instance has taken the job over. */
    static final class LostJobException extends RuntimeException {
        LostJobException(UUID id) {
            super("import " + id + " is now run by another instance");
        }
    }

    @Transactional
    public void commit(UUID job, String owner, Batch batch) {
        List<UpsertResult> results = ingest.write(batch.records());
        long created = results.stream().filter(r -> r.status() == UpsertResult.Status.created).count();
        long updated = results.stream().filter(r -> r.status() == UpsertResult.Status.updated).count();
        repository.insertErrors(job, batch.errorsToStore());
        Progress progress = new Progress(results.size(), batch.failedRows(), created, updated,
                results.size() - created - updated, batch.lastRow(),
                (System.nanoTime() - batch.startNanos()) / 1_000_000);
        if (!repository.progress(job, owner, progress)) {
            throw new LostJobException(job);
        }
    }

    /** What one commit carries; {@code startNanos} is when work on the batch began, for the job's rate. */
    record Batch(
            List<ValidRecord> records, long failedRows, List<FieldError> errorsToStore, long lastRow, long startNanos) {}
}
