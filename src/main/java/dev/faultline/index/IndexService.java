package dev.faultline.index;

import dev.faultline.model.Embedder;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Keeps every record embedded with the configured model: drains the queue in batches (the claim, the vectors
 * and the removal from the queue commit together, so a crash loses nothing), and on start queues whatever the
 * current model has not embedded yet, so a model change re-embeds instead of mixing vectors. A batch that fails
 * is retried record by record ({@link IndexJob}); a record that keeps failing waits longer each time and is
 * finally parked with its error, so one bad record never stalls the queue.
 */
@ApplicationScoped
public class IndexService {

    private static final Logger LOG = Logger.getLogger(IndexService.class);

    private static final long PENDING_MAX_AGE_NANOS = 1_000_000_000L;
    private volatile long pendingCount;
    private volatile long pendingCountedAt = System.nanoTime() - PENDING_MAX_AGE_NANOS - 1; // stale: count first
    private final IndexRepository repository;
    private final PassageEmbedder passages;
    private final Embedder embedder;
    private final IndexConfig config;
    private final IndexRate rate;
    private final CjkVectors cjk;

    IndexService(IndexRepository repository, PassageEmbedder passages, Embedder embedder, IndexConfig config,
            IndexRate rate, CjkVectors cjk) {
        this.repository = repository;
        this.cjk = cjk;
        this.passages = passages;
        this.embedder = embedder;
        this.config = config;
        this.rate = rate;
    }

    void onStart(@Observes StartupEvent event) throws SQLException {
        String column = repository.vectorColumnType();
        if (!column.equals("vector(" + embedder.dimensions() + ")")) {
            throw new IllegalStateException("faultline.model.embedding-manifest: " + embedder.modelId() + " makes "
                    + embedder.dimensions() + "-dimensional vectors but the database column is " + column
                    + "; add a migration for the new dimension");
        }
        int unparked = repository.unparkAll();
        if (unparked > 0) {
            LOG.infof("%d records that could not be embedded before are tried again", unparked);
        }
        int queued = repository.enqueueMissing(embedder.modelId());
        if (queued > 0) {
            LOG.infof("%d records queued for embedding with %s", queued, embedder.modelId());
        }
        // records in CJK script without a vector of the configured CJK model: looked for only when it changed
        String cjkModel = cjk.modelId().orElse("none");
        if (!cjkModel.equals(repository.cjkModelSeen())) {
            if (!cjkModel.equals("none")) {
                int cjkQueued = repository.enqueueMissingCjk(cjkModel);
                LOG.infof("%d records in CJK script queued for embedding with %s", cjkQueued, cjkModel);
            }
            repository.cjkModelSeen(cjkModel);
        }
    }

    /** A batch failed as a whole: which records it held, so they can be tried one by one. */
    static final class BatchFailed extends RuntimeException {
        final List<Long> recordIds;

        BatchFailed(List<Long> recordIds, RuntimeException cause) {
            super(cause.getMessage(), cause);
            this.recordIds = recordIds;
        }
    }

    /** Embeds one batch from the queue; answers how many records it did (0: nothing is due). */
    @Transactional
    public int indexBatch() {
        List<IndexRepository.Pending> batch = claim(() -> repository.claim(config.batchSize()));
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            store(batch);
        } catch (RuntimeException e) {
            throw new BatchFailed(batch.stream().map(IndexRepository.Pending::recordId).toList(), e);
        }
        return batch.size();
    }

    /** Embeds one queued record on its own; false when it is not (or no longer) due. */
    @Transactional
    boolean indexOne(long recordId) {
        List<IndexRepository.Pending> one = claim(() -> repository.claimOne(recordId));
        if (!one.isEmpty()) {
            store(one);
        }
        return !one.isEmpty();
    }

    /** Counts a failed attempt for the record: it waits before the next, and is parked after the last. */
    @Transactional
    void recordFailure(long recordId, String error) {
        try {
            boolean parked = repository.failed(recordId, error, config.retryBackoff(), config.maxAttempts());
            LOG.warnf("record %d could not be embedded%s: %s", recordId, parked ? " and is parked" : "", error);
        } catch (SQLException e) {
            throw new IllegalStateException("recording an indexing failure", e);
        }
    }

    private void store(List<IndexRepository.Pending> records) {
        try {
            long started = System.nanoTime();
            List<IndexRepository.Vector> rows = passages.vectors(records);
            try {
                cjk.store(records);
            } catch (RuntimeException e) {
                // the second model's trouble must not cost the records their main vectors (search by meaning)
                LOG.warnf("records %s kept without CJK-model vectors: %s", records.stream()
                        .map(IndexRepository.Pending::recordId).toList(), e.getMessage());
            }
            long embedded = System.nanoTime();
            repository.replace(records.stream().map(IndexRepository.Pending::recordId).toList(), rows,
                    embedder.modelId());
            rate.done(records.size());
            if (LOG.isDebugEnabled()) {
                LOG.debugf("embedded %d records (%d passages): embed %d ms, write %d ms", records.size(), rows.size(),
                        (embedded - started) / 1_000_000, (System.nanoTime() - embedded) / 1_000_000);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("indexing: " + e.getMessage(), e);
        }
    }

    private interface Claim {
        List<IndexRepository.Pending> run() throws SQLException;
    }

    private static List<IndexRepository.Pending> claim(Claim claim) {
        try {
            return claim.run();
        } catch (SQLException e) {
            throw new IllegalStateException("claiming records to embed: " + e.getMessage(), e);
        }
    }

    /**
     * Records waiting to be embedded, as counted at most {@link #PENDING_MAX_AGE_NANOS} ago: every search shows it,
     * and counting a queue table that a bulk import has just drained reads all its dead rows until it is vacuumed
     * (17 ms a search after a million records). {@link #status()} always counts.
     */
    public long pending() {
        long now = System.nanoTime();
        if (now - pendingCountedAt > PENDING_MAX_AGE_NANOS) {
            try {
                pendingCount = repository.pending();
            } catch (SQLException e) {
                throw new IllegalStateException("reading the index queue", e);
            }
            pendingCountedAt = now;
        }
        return pendingCount;
    }

    public IndexStatus status() {
        try {
            long pending = repository.pending();
            return new IndexStatus(pending, repository.indexed(embedder.modelId()), embedder.modelId(),
                    embedder.provider(), rate.perSecond(), rate.secondsLeft(pending), repository.parkedCount(),
                    repository.parked(20));
        } catch (SQLException e) {
            throw new IllegalStateException("reading the index status", e);
        }
    }

    /** Why a record has no vector yet, when the indexer failed on it; empty otherwise. */
    public Optional<IndexStatus.Failure> failure(long recordId) {
        try {
            return repository.failure(recordId);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the index queue", e);
        }
    }
}
