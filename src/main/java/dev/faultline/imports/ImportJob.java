package dev.faultline.imports;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Polls for queued or abandoned import jobs and runs them, one at a time per instance. */
@ApplicationScoped
public class ImportJob {

    private final ImportService service;
    private final ImportRunner runner;

    ImportJob(ImportService service, ImportRunner runner) {
        this.service = service;
        this.runner = runner;
    }

    @Scheduled(every = "${faultline.imports.poll-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        while (!runner.stopping() && service.runNext()) {
            // drain the queue, then wait for the next poll
        }
    }

    void onShutdown(@Observes ShutdownEvent event) {
        runner.stop();
    }
}
