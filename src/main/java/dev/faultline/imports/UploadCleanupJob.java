package dev.faultline.imports;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Deletes what crashed uploads left under {@code spool-dir/uploads}: files untouched for
 * {@code faultline.imports.upload-max-age}, at start and every hour. Accepted files (the spool itself) are never
 * touched here: their jobs remove them when done.
 */
@ApplicationScoped
public class UploadCleanupJob {

    private static final Logger LOG = Logger.getLogger(UploadCleanupJob.class);

    private final ImportConfig config;

    UploadCleanupJob(ImportConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        clean();
    }

    @Scheduled(every = "1h", delayed = "1h", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void clean() {
        Path uploads = config.spoolDir().resolve("uploads");
        if (!Files.isDirectory(uploads)) {
            return;
        }
        FileTime before = FileTime.from(Instant.now().minus(config.uploadMaxAge()));
        int removed = 0;
        try (Stream<Path> files = Files.list(uploads)) {
            for (Path f : files.toList()) {
                if (Files.isRegularFile(f) && Files.getLastModifiedTime(f).compareTo(before) < 0) {
                    Files.deleteIfExists(f);
                    removed++;
                }
            }
        } catch (IOException e) {
            LOG.warnf("could not clean %s: %s", uploads, e.getMessage());
        }
        if (removed > 0) {
            LOG.infof("removed %d file(s) left by interrupted uploads in %s", removed, uploads);
        }
    }
}
