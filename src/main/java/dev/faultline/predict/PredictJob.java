package dev.faultline.predict;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Background work for sensor models: queued training runs, then assets due a prediction; and the refresh. */
@ApplicationScoped
public class PredictJob {

    private static final Logger LOG = Logger.getLogger(PredictJob.class);

    private final PredictorTraining training;
    private final PredictionService predictions;
    private volatile boolean stopping;

    PredictJob(PredictorTraining training, PredictionService predictions) {
        this.training = training;
        this.predictions = predictions;
    }

    @Scheduled(every = "${faultline.predict.poll-interval}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            while (!stopping && training.runNext()) {
                // one run after another
            }
            while (!stopping && predictions.predictDue(50) > 0) {
                // keep going while assets are due
            }
        } catch (RuntimeException e) {
            // taken assets are lost for this round; the refresh queues them again
            LOG.warnf("predictions failed, will retry: %s", e.getMessage());
        }
    }

    @Scheduled(every = "${faultline.predict.refresh}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            predictions.queueAllBound();
        } catch (RuntimeException e) {
            LOG.warnf("could not queue the prediction refresh: %s", e.getMessage());
        }
    }

    void onShutdown(@Observes ShutdownEvent event) {
        stopping = true;
    }
}
