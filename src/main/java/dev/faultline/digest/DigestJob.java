package dev.faultline.digest;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** Every {@code faultline.digest.poll-interval}: queue the digests that are due, then send what the outbox holds. */
@ApplicationScoped
public class DigestJob {

    /** This instance's name on the deliveries it claims. */
    static final String INSTANCE = hostname() + "-" + UUID.randomUUID().toString().substring(0, 8);

    private final DeliveryService outbox;

    DigestJob(DeliveryService outbox) {
        this.outbox = outbox;
    }

    @Scheduled(every = "${faultline.digest.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        tick(Instant.now(), INSTANCE);
    }

    /** One round as {@code instance}: what a scheduler does, and what tests call as two racing instances. */
    public int tick(Instant now, String instance) {
        outbox.enqueueDue(now);
        return outbox.drain(instance);
    }

    private static String hostname() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "faultline";
        }
    }
}
