package dev.faultline.classify;

import dev.faultline.index.IndexService;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Background work: queued training runs first, then queued records, until both are empty. During a large
 * embedding backlog (a bulk import) records wait: search comes first on 2 cores, classification costs about a
 * millisecond a record and would slow the embedding by a fifth; they are classified once the backlog is small.
 */
@ApplicationScoped
public class ClassifyJob {

    private static final Logger LOG = Logger.getLogger(ClassifyJob.class);

    private final QueuedClassification queued;
    private final ClassifierTraining training;
    private final IndexService index;
    private final ClassifyConfig config;
    private volatile boolean stopping;

    ClassifyJob(QueuedClassification queued, ClassifierTraining training, IndexService index, ClassifyConfig config) {
        this.queued = queued;
        this.training = training;
        this.index = index;
        this.config = config;
    }

    @Scheduled(every = "${faultline.classify.poll-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            while (!stopping && training.runNext()) {
                // one run after another
            }
            while (!stopping && index.pending() <= config.maxEmbeddingBacklog() && queued.classifyQueued() > 0) {
                // keep going while there is work
            }
        } catch (RuntimeException e) {
            // the batch rolled back and stays queued; try again at the next poll
            LOG.warnf("classification batch failed, will retry: %s", e.getMessage());
        }
    }

    void onShutdown(@Observes ShutdownEvent event) {
        stopping = true;
    }
}
