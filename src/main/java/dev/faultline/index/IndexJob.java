package dev.faultline.index;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Embeds queued records in the background until the queue is empty, then waits for the next poll. */
@ApplicationScoped
public class IndexJob {

    private static final Logger LOG = Logger.getLogger(IndexJob.class);

    private final IndexService service;
    private volatile boolean stopping;

    IndexJob(IndexService service) {
        this.service = service;
    }

    @Scheduled(every = "${faultline.index.poll-interval}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            while (!stopping && service.indexBatch() > 0) {
                // keep going while there is work
            }
        } catch (RuntimeException e) {
            // the batch rolled back and stays queued; try again at the next poll
            LOG.warnf("embedding batch failed, will retry: %s", e.getMessage());
        }
    }

    void onShutdown(@Observes ShutdownEvent event) {
        stopping = true;
    }
}
