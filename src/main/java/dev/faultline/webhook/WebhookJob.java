package dev.faultline.webhook;

import dev.faultline.audit.AuditService;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Every {@code faultline.webhooks.poll-interval}: hands new events out to the endpoints that want them, then sends
 * the due deliveries. A failure waits {@code retry-base} doubled per attempt (up to {@code retry-max}, ±25 %
 * jitter) until {@code max-attempts}; an endpoint that has only failed for {@code disable-after} is disabled and
 * the administrators are told (audit log, Integrations page).
 */
@ApplicationScoped
public class WebhookJob {

    private static final Logger LOG = Logger.getLogger(WebhookJob.class);
    /** One delivery a claim: the lease (3 x the time-out) covers exactly one attempt. */
    private static final int BATCH = 1;

    private final OutboxRepository outbox;
    private final EndpointRepository endpoints;
    private final WebhookSender sender;
    private final AuditService audit;
    private final WebhookConfig config;

    WebhookJob(OutboxRepository outbox, EndpointRepository endpoints, WebhookSender sender, AuditService audit,
            WebhookConfig config) {
        this.outbox = outbox;
        this.endpoints = endpoints;
        this.sender = sender;
        this.audit = audit;
        this.config = config;
    }

    @Scheduled(every = "${faultline.webhooks.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        tick();
    }

    /** One round; answers how many attempts it made. */
    public int tick() {
        outbox.dispatch();
        int attempts = 0;
        List<OutboxRepository.Claimed> claimed;
        do {
            claimed = outbox.claim(config.timeout().multipliedBy(3), BATCH);
            claimed.forEach(this::attempt);
            attempts += claimed.size();
        } while (claimed.size() == BATCH);
        return attempts;
    }

    private void attempt(OutboxRepository.Claimed c) {
        var found = endpoints.target(c.endpoint());
        if (found.isEmpty()) {
            return; // removed since the claim: its deliveries went with it
        }
        var target = found.get();
        var outcome = sender.send(target, outbox.message(c.event()));
        if (outcome.ok()) {
            outbox.attempted(c.id(), true, outcome.status(), null, outcome.millis(), null);
            endpoints.succeeded(c.endpoint());
            return;
        }
        Duration retry = c.attempts() >= config.maxAttempts() ? null : backoff(c.attempts());
        outbox.attempted(c.id(), false, outcome.status(), outcome.error(), outcome.millis(), retry);
        LOG.debugf("webhook delivery %d to endpoint %d: attempt %d failed (%s)", c.id(), c.endpoint(), c.attempts(),
                outcome.error());
        if (endpoints.failedAndDisabled(c.endpoint(), config.disableAfter())) {
            LOG.warnf("webhook endpoint %d disabled: every delivery failed for %s", c.endpoint(), config.disableAfter());
            audit.record("system", "webhook.disabled", "webhook", String.valueOf(c.endpoint()),
                    Map.of("reason", "every delivery failed for " + config.disableAfter(), "lastError",
                            String.valueOf(outcome.error())));
        }
    }

    Duration backoff(int attempts) {
        return backoff(attempts, config.retryBase(), config.retryMax(),
                ThreadLocalRandom.current().nextDouble(0.75, 1.25));
    }

    /** The wait after failed attempt number {@code attempts}: base doubled per attempt, capped, times the jitter. */
    static Duration backoff(int attempts, Duration base, Duration max, double jitter) {
        long doubled = base.toMillis() << Math.min(attempts - 1, 30);
        long capped = Math.min(doubled <= 0 ? Long.MAX_VALUE : doubled, max.toMillis());
        return Duration.ofMillis((long) (capped * jitter));
    }
}
