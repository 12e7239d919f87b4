package dev.faultline.index;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import dev.faultline.db.DatabaseUnavailable;
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
        } catch (IndexService.BatchFailed e) {
            if (DatabaseUnavailable.is(e)) {
                LOG.warnf("embedding paused: the database cannot be reached (%s)", e.getMessage());
            } else {
                LOG.warnf("an embedding batch of %d records failed (%s); trying them one by one",
                        e.recordIds.size(), e.getMessage());
                oneByOne(e.recordIds);
            }
        } catch (RuntimeException e) {
            // nothing was claimed, or the database went away: everything stays queued for the next poll
            LOG.warnf("embedding failed, will retry: %s", e.getMessage());
        }
    }

    /** After a failed batch: the good records are embedded, the bad ones counted against (and finally parked). */
    private void oneByOne(List<Long> recordIds) {
        for (long id : recordIds) {
            if (stopping) {
                return;
            }
            try {
                service.indexOne(id);
            } catch (RuntimeException e) {
                if (DatabaseUnavailable.is(e)) {
                    return;
                }
                service.recordFailure(id, rootMessage(e));
            }
        }
    }

    /** The innermost reason, without a batch statement's full text (which holds whole vectors). */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        if (t instanceof java.sql.SQLException sql && sql.getNextException() != null) {
            t = sql.getNextException();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        message = message.replaceFirst("^ERROR: ", "");
        int where = message.indexOf("\n  Where:");
        message = where > 0 ? message.substring(0, where) : message;
        return message.length() > 300 ? message.substring(0, 299) + "…" : message;
    }

    void onShutdown(@Observes ShutdownEvent event) {
        stopping = true;
    }
}
