package dev.faultline.sensor;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Deletes readings older than {@code faultline.sensors.retention}, once an hour (nothing when it is unset). */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    private final SensorService service;

    RetentionJob(SensorService service) {
        this.service = service;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        long deleted = service.applyRetention();
        if (deleted > 0) {
            LOG.infof("deleted %d sensor readings older than faultline.sensors.retention", deleted);
        }
    }
}
