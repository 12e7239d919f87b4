package dev.faultline.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.model.Embedder;
import dev.faultline.security.Tokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Keeps every record embedded with the configured model: drains the queue in batches (the claim, the vectors
 * and the removal from the queue commit together, so a crash loses nothing), and on start queues whatever the
 * current model has not embedded yet, so a model change re-embeds instead of mixing vectors.
 */
@ApplicationScoped
public class IndexService {

    private static final Logger LOG = Logger.getLogger(IndexService.class);
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {};

    private static final long PENDING_MAX_AGE_NANOS = 1_000_000_000L;
    private volatile long pendingCount;
    private volatile long pendingCountedAt = System.nanoTime() - PENDING_MAX_AGE_NANOS - 1; // stale: count first
    private final IndexRepository repository;
    private final Embedder embedder;
    private final IndexConfig config;
    private final ObjectMapper json;
    private final Counter embeddedPassages;
    private final Counter reusedPassages;

    IndexService(IndexRepository repository, Embedder embedder, IndexConfig config, ObjectMapper json,
            MeterRegistry metrics) {
        this.repository = repository;
        this.embedder = embedder;
        this.config = config;
        this.json = json;
        this.embeddedPassages = Counter.builder("faultline.index.passages").tag("source", "model")
                .description("Passages the indexer embedded with the model").register(metrics);
        this.reusedPassages = Counter.builder("faultline.index.passages").tag("source", "reused")
                .description("Passages the indexer gave a vector stored for the same text"
                        + " (faultline.index.reuse-vectors)")
                .register(metrics);
    }

    void onStart(@Observes StartupEvent event) throws SQLException {
        String column = repository.vectorColumnType();
        if (!column.equals("vector(" + embedder.dimensions() + ")")) {
            throw new IllegalStateException("faultline.model.embedding-manifest: " + embedder.modelId() + " makes "
                    + embedder.dimensions() + "-dimensional vectors but the database column is " + column
                    + "; add a migration for the new dimension");
        }
        int queued = repository.enqueueMissing(embedder.modelId());
        if (queued > 0) {
            LOG.infof("%d records queued for embedding with %s", queued, embedder.modelId());
        }
    }

    /** Embeds one batch from the queue; answers how many records it did (0: the queue is empty). */
    @Transactional
    public int indexBatch() {
        try {
            long started = System.nanoTime();
            List<IndexRepository.Pending> batch = repository.claim(config.batchSize());
            if (batch.isEmpty()) {
                return 0;
            }
            long claimed = System.nanoTime();
            List<String> passages = new ArrayList<>();
            List<IndexRepository.Vector> owners = new ArrayList<>();
            for (IndexRepository.Pending p : batch) {
                List<String> chunks = Chunker.chunks(passage(p), config.chunkWords(), config.chunkOverlapWords());
                for (int i = 0; i < chunks.size(); i++) {
                    passages.add(chunks.get(i));
                    owners.add(new IndexRepository.Vector(p.recordId(), i, p.contentHash(), hash(chunks.get(i)), null));
                }
            }
            List<float[]> vectors =
                    vectors(passages, owners.stream().map(IndexRepository.Vector::passageHash).toList());
            long embedded = System.nanoTime();
            List<IndexRepository.Vector> rows = new ArrayList<>(owners.size());
            for (int i = 0; i < owners.size(); i++) {
                IndexRepository.Vector o = owners.get(i);
                rows.add(new IndexRepository.Vector(o.recordId(), o.chunk(), o.contentHash(), o.passageHash(),
                        vectors.get(i)));
            }
            repository.replace(batch.stream().map(IndexRepository.Pending::recordId).toList(), rows, embedder.modelId());
            if (LOG.isDebugEnabled()) {
                LOG.debugf("embedded %d records (%d passages): claim %d ms, embed %d ms, write %d ms", batch.size(),
                        passages.size(), (claimed - started) / 1_000_000, (embedded - claimed) / 1_000_000,
                        (System.nanoTime() - embedded) / 1_000_000);
            }
            return batch.size();
        } catch (SQLException e) {
            throw new IllegalStateException("indexing a batch: " + e.getMessage(), e);
        }
    }

    /**
     * The passages' vectors, in order: each distinct passage that the current model has not embedded before goes
     * to the model once; the others get the stored vector (with {@code faultline.index.reuse-vectors}).
     */
    private List<float[]> vectors(List<String> passages, List<String> hashes) throws SQLException {
        if (!config.reuseVectors()) {
            embeddedPassages.increment(passages.size());
            return embedder.embedInBackground(passages, config.workers());
        }
        Map<String, float[]> byHash = repository.stored(hashes, embedder.modelId());
        List<Integer> toModel = new ArrayList<>(); // the first of each passage not stored yet
        Set<String> sent = new HashSet<>();
        for (int i = 0; i < passages.size(); i++) {
            if (!byHash.containsKey(hashes.get(i)) && sent.add(hashes.get(i))) {
                toModel.add(i);
            }
        }
        List<float[]> made = toModel.isEmpty() ? List.of()
                : embedder.embedInBackground(toModel.stream().map(passages::get).toList(), config.workers());
        for (int k = 0; k < toModel.size(); k++) {
            byHash.put(hashes.get(toModel.get(k)), made.get(k));
        }
        embeddedPassages.increment(toModel.size());
        reusedPassages.increment(passages.size() - toModel.size());
        return hashes.stream().map(byHash::get).toList();
    }

    /** What a passage's stored vectors are found by: the first 16 bytes of its SHA-256, as hex. */
    static String hash(String passage) {
        return Tokens.sha256(passage).substring(0, 32);
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
            return new IndexStatus(repository.pending(), repository.indexed(embedder.modelId()), embedder.modelId(),
                    embedder.provider());
        } catch (SQLException e) {
            throw new IllegalStateException("reading the index status", e);
        }
    }

    /** What gets embedded: the title, the text, and the fields that add something to it. */
    String passage(IndexRepository.Pending p) {
        StringBuilder sb = new StringBuilder();
        if (p.title() != null) {
            sb.append(p.title()).append(". ");
        }
        sb.append(p.text());
        try {
            for (String value : json.readValue(p.fieldsJson(), FIELDS).values()) {
                if (value != null && !p.text().contains(value)) {
                    sb.append(". ").append(value);
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored fields are not JSON", e);
        }
        return sb.toString();
    }
}
