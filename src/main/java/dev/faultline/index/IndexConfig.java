package dev.faultline.index;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The embedding index ({@code faultline.index.*}). */
@ConfigMapping(prefix = "faultline.index")
public interface IndexConfig {

    /** Records embedded per transaction. */
    @WithDefault("512")
    int batchSize();

    /**
     * Batches in flight at once: with 2, one batch is written to PostgreSQL (and its HNSW index) while the next
     * is embedded. Each claims its own rows (SKIP LOCKED), so this is as safe as several instances. With more
     * than one, each embeds on its own thread ({@code faultline.model.query-threads}).
     */
    @WithDefault("2")
    int workers();

    /** How often an idle instance looks at the queue. */
    @WithDefault("1s")
    Duration pollInterval();

    /**
     * A record that fails to embed is tried again after this long, then twice as long after each further failure
     * (at most an hour between tries).
     */
    @WithDefault("1m")
    Duration retryBackoff();

    /** Failed attempts after which a record is parked (left out, with its error shown) until it changes or the app restarts. */
    @WithDefault("5")
    int maxAttempts();

    /** Words per embedded passage of a long record (the model reads at most its max tokens). */
    @WithDefault("160")
    int chunkWords();

    /** Words shared by neighbouring passages. */
    @WithDefault("40")
    int chunkOverlapWords();

    /**
     * A passage already embedded by the current model (in the same batch, or stored by an earlier one) gets that
     * vector instead of running the model again: a vector depends only on the text and the model. False embeds
     * every passage (to measure the model, or to rule this out).
     */
    @WithDefault("true")
    boolean reuseVectors();
}
