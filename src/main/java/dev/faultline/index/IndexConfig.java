package dev.faultline.index;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The embedding index ({@code faultline.index.*}). */
@ConfigMapping(prefix = "faultline.index")
public interface IndexConfig {

    /** Records embedded per transaction. */
    @WithDefault("64")
    int batchSize();

    /** How often an idle instance looks at the queue. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Words per embedded passage of a long record (the model reads at most its max tokens). */
    @WithDefault("160")
    int chunkWords();

    /** Words shared by neighbouring passages. */
    @WithDefault("40")
    int chunkOverlapWords();
}
