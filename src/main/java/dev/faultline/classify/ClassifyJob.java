package dev.faultline.classify;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Background work: queued training runs first, then queued records, until both are empty. */
@ApplicationScoped
public class ClassifyJob {

    private static final Logger LOG = Logger.getLogger(ClassifyJob.class);

    private final ClassifierService service;
    private final ClassifierTraining training;
    private volatile boolean stopping;

    ClassifyJob(ClassifierService service, ClassifierTraining training) {
        this.service = service;
        this.training = training;
    }

    @Scheduled(every = "${faultline.classify.poll-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            while (!stopping && training.runNext()) {
                // one run after another
            }
            while (!stopping && service.classifyQueued() > 0) {
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
