package dev.faultline.index;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/** Embeds queued records in the background until the queue is empty, then waits for the next poll. */
@ApplicationScoped
public class IndexJob {

    private static final Logger LOG = Logger.getLogger(IndexJob.class);

    private final IndexService service;
    private final IndexConfig config;
    private volatile boolean stopping;

    IndexJob(IndexService service, IndexConfig config) {
        this.service = service;
        this.config = config;
    }

    @Scheduled(every = "${faultline.index.poll-interval}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (config.workers() <= 1) {
            drain();
            return;
        }
        // the other workers run on their own threads; this one drains too, then waits for them
        List<Thread> others = new ArrayList<>();
        for (int i = 1; i < config.workers(); i++) {
            others.add(Thread.ofPlatform().name("faultline-indexer-" + i).start(this::drain));
        }
        drain();
        for (Thread t : others) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void drain() {
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
