package dev.faultline.model;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jboss.logging.Logger;

/**
 * A sentence-embedding transformer on ONNX Runtime with a HuggingFace tokenizer (DJL). Loaded once at start-up
 * (its contract checked then, failing with the config key); texts are sorted by length and padded per batch,
 * mean-pooled over the attention mask and L2-normalised.
 */
@Startup
@ApplicationScoped
public class OnnxEmbedder implements Embedder {

    private static final Logger LOG = Logger.getLogger(OnnxEmbedder.class);
    private static final String DEFAULT_KEY = "faultline.model.embedding-manifest";
    /** The setting that named this model, for messages. */
    private final String key;
    /** Inputs of at most this many texts run on the one-thread session (search queries). */
    private static final int SMALL = 4;

    private final ModelManifest manifest;
    private final ModelConfig config;
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    /**
     * The same model on fewer threads (one by default): for a few texts at a time (search queries), where it has
     * the lower latency, and for each of several background callers.
     */
    private final OrtSession single;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean typeIds;
    private final String provider;
    private final int threads;
    /**
     * Embeddings hold the read lock; closing takes the write lock, so the native sessions are never freed under a
     * background job's running batch (that crashed the JVM at shutdown with SIGSEGV in libonnxruntime).
     */
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    /** Outside CDI (the evaluation commands): the same model, loaded and checked the same way. */
    public static OnnxEmbedder load(ModelConfig config) {
        return new OnnxEmbedder(config);
    }

    @jakarta.inject.Inject
    OnnxEmbedder(ModelConfig config) {
        this(config, config.embeddingManifest(), DEFAULT_KEY);
    }

    /** A model of its own manifest ({@code location}), named by setting {@code key} in messages. */
    OnnxEmbedder(ModelConfig config, String location, String key) {
        // DJL must never try to fetch anything: plants are often offline
        System.setProperty("offline", "true");
        this.config = config;
        this.key = key;
        this.manifest = ModelManifest.load(location);
        if (!List.of("mean", "cls").contains(manifest.pooling())) {
            throw new IllegalStateException(key + ": " + manifest.id() + " asks for pooling '" + manifest.pooling()
                    + "'; supported: mean, cls");
        }
        try {
            byte[] model = readAll(manifest.onnx());
            checkSha(model);
            // ONNX Runtime's own default counts physical cores, which on small VMs is often 1 of the 2 CPUs
            // the JVM may use: measured here, 2 threads embed batches 1.7x faster than the default
            this.threads = config.intraOpThreads() > 0 ? config.intraOpThreads()
                    : Runtime.getRuntime().availableProcessors();
            OrtSession.SessionOptions options = options(threads);
            this.provider = Providers.choose(config.provider(), options);
            this.session = env.createSession(model, options);
            // ...but one text on 2 threads is slower than on 1 next to PostgreSQL: at 100k records hybrid search
            // p50/p95 was 53/150 ms with 2 threads and 42/105 ms with 1
            OrtSession.SessionOptions singleOptions = options(Math.min(threads, config.queryThreads()));
            Providers.choose(config.provider(), singleOptions);
            this.single = env.createSession(model, singleOptions);
            try (InputStream in = ModelManifest.open(manifest.tokenizer())) {
                this.tokenizer = HuggingFaceTokenizer.newInstance(in, Map.of("truncation", "true",
                        "maxLength", String.valueOf(manifest.maxTokens()), "padding", "false"));
            }
        } catch (OrtException | IOException e) {
            throw new IllegalStateException(key + ": cannot load " + manifest.id() + ": " + e.getMessage(), e);
        }
        if (!session.getInputNames().containsAll(List.of("input_ids", "attention_mask"))) {
            throw new IllegalStateException(key + ": " + manifest.onnx() + " needs inputs input_ids and attention_mask,"
                    + " it has " + session.getInputNames());
        }
        this.typeIds = session.getInputNames().contains("token_type_ids");
        int dims = embed(List.of("check"), Role.PASSAGE).getFirst().length;
        if (dims != manifest.dimensions()) {
            throw new IllegalStateException(key + ": " + manifest.id() + " produces " + dims
                    + " dimensions, its manifest says " + manifest.dimensions());
        }
        LOG.infof("Embedding model %s (%d dimensions) runs on ONNX Runtime, provider %s, %d threads", manifest.id(), dims,
                provider, threads);
    }

    @Override
    public List<float[]> embed(List<String> texts, Role role) {
        return embed(texts, role, session);
    }

    @Override
    public List<float[]> embedInBackground(List<String> texts, int callers) {
        return embed(texts, Role.PASSAGE, callers > 1 ? single : session);
    }

    private List<float[]> embed(List<String> texts, Role role, OrtSession batchSession) {
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("the embedding model " + manifest.id() + " is closed (shutting down)");
            }
            return embedOpen(texts, role, batchSession);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private List<float[]> embedOpen(List<String> texts, Role role, OrtSession batchSession) {
        String prefix = role == Role.QUERY ? manifest.queryPrefix() : manifest.passagePrefix();
        List<String> input = texts.stream().map(t -> prefix + (t == null ? "" : t)).toList();
        Encoding[] encodings = tokenizer.batchEncode(input);
        // sort by length so each batch pads to little more than its own longest text
        Integer[] order = new Integer[encodings.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingInt(i -> encodings[i].getIds().length));
        float[][] out = new float[encodings.length][];
        for (int start = 0; start < order.length; start += config.batchSize()) {
            int[] batch = Arrays.stream(order, start, Math.min(order.length, start + config.batchSize()))
                    .mapToInt(Integer::intValue).toArray();
            float[][] vectors = run(batch, encodings, batch.length <= SMALL ? single : batchSession);
            for (int i = 0; i < batch.length; i++) {
                out[batch[i]] = vectors[i];
            }
        }
        return Arrays.asList(out);
    }

    private float[][] run(int[] batch, Encoding[] encodings, OrtSession runner) {
        int rows = batch.length;
        int width = Arrays.stream(batch).map(i -> encodings[i].getIds().length).max().orElse(1);
        long[] ids = new long[rows * width];
        long[] mask = new long[rows * width];
        long[] types = new long[rows * width];
        for (int r = 0; r < rows; r++) {
            Encoding e = encodings[batch[r]];
            System.arraycopy(e.getIds(), 0, ids, r * width, e.getIds().length);
            System.arraycopy(e.getAttentionMask(), 0, mask, r * width, e.getAttentionMask().length);
            System.arraycopy(e.getTypeIds(), 0, types, r * width, e.getTypeIds().length);
        }
        long[] shape = {rows, width};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
            if (typeIds) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape));
            }
            try (OrtSession.Result result = runner.run(inputs)) {
                // read the output buffer directly: converting it to float[][][] costs as much as the inference
                FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
                return Pooling.pool(hidden, rows, width, mask, manifest.pooling().equals("cls"), manifest.normalize());
            }
        } catch (OrtException e) {
            throw new IllegalStateException("embedding " + rows + " texts with " + manifest.id() + ": " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    @Override
    public int dimensions() {
        return manifest.dimensions();
    }

    @Override
    public String modelId() {
        return manifest.id();
    }

    @Override
    public String provider() {
        return provider;
    }

    @PreDestroy
    void close() throws OrtException {
        lifecycle.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                session.close();
                single.close();
                tokenizer.close();
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    private static OrtSession.SessionOptions options(int threads) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        options.setIntraOpNumThreads(threads);
        // idle threads would spin by default, taking CPU from PostgreSQL on the same cores
        options.addConfigEntry("session.intra_op.allow_spinning", "0");
        return options;
    }

    private byte[] readAll(String location) throws IOException {
        try (InputStream in = ModelManifest.open(location)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(key + ": cannot read the model file " + location, e);
        }
    }

    private void checkSha(byte[] model) {
        if (manifest.sha256().isBlank()) {
            return;
        }
        try {
            String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(model));
            if (!actual.equalsIgnoreCase(manifest.sha256())) {
                throw new IllegalStateException(key + ": " + manifest.onnx() + " has sha256 " + actual
                        + ", the manifest expects " + manifest.sha256());
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Mean pooling over real tokens (or the first token's vector: CLS pooling), then optional L2 normalisation. */
    static final class Pooling {
        private Pooling() {}

        static float[][] pool(FloatBuffer hidden, int rows, int width, long[] mask, boolean cls, boolean normalize) {
            int dims = hidden.limit() / (rows * width);
            float[][] out = new float[rows][];
            for (int r = 0; r < rows; r++) {
                float[] v = new float[dims];
                int count = 0;
                for (int t = 0; t < (cls ? 1 : width); t++) {
                    if (mask[r * width + t] == 0) {
                        continue;
                    }
                    count++;
                    int base = (r * width + t) * dims;
                    for (int d = 0; d < dims; d++) {
                        v[d] += hidden.get(base + d);
                    }
                }
                double norm = 0;
                for (int d = 0; d < dims; d++) {
                    v[d] /= Math.max(count, 1);
                    norm += v[d] * v[d];
                }
                if (normalize && norm > 0) {
                    float inv = (float) (1.0 / Math.sqrt(norm));
                    for (int d = 0; d < dims; d++) {
                        v[d] *= inv;
                    }
                }
                out[r] = v;
            }
            return out;
        }
    }
}
