package dev.faultline.ingest;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings for writing records over REST ({@code faultline.ingest.*}). */
@ConfigMapping(prefix = "faultline.ingest")
public interface IngestConfig {

    /** Largest JSON body accepted by {@code POST /api/v1/records}; larger bodies get 413. */
    @WithDefault("10M")
    MemorySize maxRequestBytes();

    /** Longest record text, in characters. */
    @WithDefault("100000")
    int maxTextChars();

    /** Most records in one {@code POST /api/v1/records}. */
    @WithDefault("1000")
    int maxBatchSize();
}
