package dev.faultline.imports;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

/** Settings for CSV / JSONL imports ({@code faultline.imports.*}). */
@ConfigMapping(prefix = "faultline.imports")
public interface ImportConfig {

    /** Largest file {@code POST /api/v1/imports} accepts; also the HTTP body limit. */
    @WithDefault("2G")
    MemorySize maxFileBytes();

    /**
     * Where accepted files wait until their job has finished (and, under {@code uploads/}, files being
     * received). Must survive restarts; with several app instances it must be shared by all of them.
     */
    @WithDefault("var/imports")
    Path spoolDir();

    /** Rows per database transaction; progress and the resume point are committed with each batch. */
    @WithDefault("500")
    int batchSize();

    /** How often an idle instance looks for queued or abandoned import jobs. */
    @WithDefault("1s")
    Duration pollInterval();

    /** A running job whose instance has not reported progress for this long is taken over (crash recovery). */
    @WithDefault("30s")
    Duration staleAfter();

    /** A job that failed to run this many times is marked failed instead of being retried again. */
    @WithDefault("5")
    int maxAttempts();

    /**
     * A file under {@code spool-dir/uploads} untouched for this long is what a crash left of an upload in progress
     * (the HTTP layer writes it there and removes it only when the request ends); it is deleted at start and then
     * every hour. Longer than the slowest upload you expect.
     */
    @WithDefault("1h")
    Duration uploadMaxAge();

    /** Row errors kept per job (line, field, reason); later ones are only counted. */
    @WithDefault("100")
    int maxStoredErrors();
}
