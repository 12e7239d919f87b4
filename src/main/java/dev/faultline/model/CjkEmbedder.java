package dev.faultline.model;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The second embedding model, for text in Chinese, Japanese or Korean script ({@code faultline.model.cjk-embedding-
 * manifest}): the default model reads such text poorly (Chinese search evaluation, BENCHMARKS.md). Loaded on first
 * use (a CJK record, question, or the training of a classifier, which trains a head over its vectors); absent when
 * the setting is {@code none}.
 */
@ApplicationScoped
public class CjkEmbedder {

    private static final Logger LOG = Logger.getLogger(CjkEmbedder.class);
    private static final String KEY = "faultline.model.cjk-embedding-manifest";

    private final ModelConfig config;
    private volatile OnnxEmbedder model;
    /** Set when the model failed to load: not tried again until a restart (logged once). */
    private volatile boolean failed;

    CjkEmbedder(ModelConfig config) {
        this.config = config;
    }

    /** Whether a second model is configured (without loading it). */
    public boolean enabled() {
        return !"none".equalsIgnoreCase(config.cjkEmbeddingManifest().strip());
    }

    /** The model's {@code name@version} from its manifest, without loading the model; empty when turned off. */
    public Optional<String> modelId() {
        return enabled() ? Optional.of(ModelManifest.load(config.cjkEmbeddingManifest()).id()) : Optional.empty();
    }

    /**
     * The model, loaded on the first call; empty when turned off, or when it could not be loaded (then CJK text has
     * only the main model's vectors and questions are searched with the main model, as with {@code none}).
     */
    public Optional<Embedder> get() {
        if (!enabled() || failed) {
            return Optional.empty();
        }
        OnnxEmbedder m = model;
        if (m == null) {
            synchronized (this) {
                if (failed) {
                    return Optional.empty();
                }
                if (model == null) {
                    long started = System.nanoTime();
                    try {
                        model = new OnnxEmbedder(config, config.cjkEmbeddingManifest(), KEY);
                    } catch (RuntimeException e) {
                        failed = true;
                        LOG.errorf(e, "%s: the CJK embedding model could not be loaded; CJK text uses the main model"
                                + " until a restart", KEY);
                        return Optional.empty();
                    }
                    LOG.infof("CJK embedding model %s loaded in %d ms", model.modelId(),
                            (System.nanoTime() - started) / 1_000_000);
                }
                m = model;
            }
        }
        return Optional.of(m);
    }

    @PreDestroy
    void close() throws ai.onnxruntime.OrtException {
        if (model != null) {
            model.close();
        }
    }
}
