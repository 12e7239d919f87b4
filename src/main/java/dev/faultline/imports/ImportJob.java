package dev.faultline.imports;

import dev.faultline.db.DatabaseUnavailable;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Polls for queued or abandoned import jobs and runs them, one at a time per instance. */
@ApplicationScoped
public class ImportJob {

    private static final Logger LOG = Logger.getLogger(ImportJob.class);

    private final ImportService service;
    private final ImportRunner runner;

    ImportJob(ImportService service, ImportRunner runner) {
        this.service = service;
        this.runner = runner;
    }

    @Scheduled(every = "${faultline.imports.poll-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            while (!runner.stopping() && service.runNext()) {
                // drain the queue, then wait for the next poll
            }
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.is(e)) {
                throw e;
            }
            // one line, not a stack trace per poll: the next poll tries again
            LOG.warnf("imports paused: the database cannot be reached (%s)", e.getMessage());
        }
    }

    void onShutdown(@Observes ShutdownEvent event) {
        runner.stop();
    }
}
