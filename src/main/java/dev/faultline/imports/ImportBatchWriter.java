package dev.faultline.imports;

import dev.faultline.error.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * Commits one batch of an import: its records or readings, the row errors, the counts and the resume point, in one
 * transaction. Either all of it is in the database or none of it is, which is what makes resuming exact.
 */
@ApplicationScoped
public class ImportBatchWriter {

    private final ImportTargets targets;
    private final ImportRepository repository;

    ImportBatchWriter(ImportTargets targets, ImportRepository repository) {
        this.targets = targets;
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
        long[] counts = batch.items().isEmpty() ? new long[3] : targets.write(batch.target(), batch.items());
        repository.insertErrors(job, batch.errorsToStore());
        Progress progress = new Progress(batch.doneRows(), batch.failedRows(), counts[0], counts[1], counts[2],
                batch.lastRow(), (System.nanoTime() - batch.startNanos()) / 1_000_000);
        if (!repository.progress(job, owner, progress)) {
            throw new LostJobException(job);
        }
    }

    /**
     * What one commit carries: the items of the rows that passed (records or readings), how many rows passed and
     * failed, the errors to store, the last row, and when work on the batch began (for the job's rate).
     */
    record Batch(ImportTarget target, List<?> items, long doneRows, long failedRows, List<FieldError> errorsToStore,
            long lastRow, long startNanos) {}
}
