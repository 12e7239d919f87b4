package dev.faultline.model;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The local model runtime ({@code faultline.model.*}). */
@ConfigMapping(prefix = "faultline.model")
public interface ModelConfig {

    /**
     * The embedding model's manifest: {@code classpath:models/<name>.properties} for one shipped with the app, or
     * a file path to your own (see models/README.md).
     */
    @WithDefault("classpath:models/all-minilm-l6-v2.properties")
    String embeddingManifest();

    /**
     * The manifest of the second embedding model, for records and questions written in Chinese, Japanese or Korean
     * script: such records are embedded by both models, such questions are searched with this one, and such text is
     * classified by a head over its vectors. Loaded when the first such text arrives or a classifier is trained.
     * {@code none} turns it off (CJK text then has only the main model).
     */
    @WithDefault("classpath:models/bge-small-zh-v15-q.properties")
    String cjkEmbeddingManifest();

    /** Execution provider: {@code cpu}, or {@code cuda} (needs the onnxruntime_gpu build and a GPU; falls back to CPU). */
    @WithDefault("cpu")
    String provider();

    /** Threads one inference may use (0: one per CPU the JVM sees). */
    @WithDefault("0")
    int intraOpThreads();

    /** Threads for inputs of at most 4 texts (search queries): 1 gives the lowest latency next to PostgreSQL. */
    @WithDefault("1")
    int queryThreads();

    /**
     * Texts per inference batch (sorted by length, padded per batch): inference alone is 5 % faster at 16 than at 32.
     */
    @WithDefault("16")
    int batchSize();
}
