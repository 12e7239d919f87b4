package dev.faultline.digest;

import dev.faultline.error.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The outbox worker: queues each subscription's due period once, then claims due deliveries, makes their mail
 * (kept, so a retry sends the same one), and sends it, or keeps it unsent when no SMTP server is configured.
 * SMTP failures wait {@code retry-base} doubled per attempt, up to {@code max-attempts}.
 */
@ApplicationScoped
public class DeliveryService {

    private static final Logger LOG = Logger.getLogger(DeliveryService.class);
    /** One delivery a claim: the lease covers making and sending one mail. */
    private static final int BATCH = 1;

    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final DigestBuilder builder;
    private final DigestMail mail;
    private final UnsubscribeTokens tokens;
    private final DigestConfig config;
    private final dev.faultline.webhook.WebhookEvents webhooks;

    DeliveryService(SubscriptionRepository subscriptions, DeliveryRepository deliveries, DigestBuilder builder,
            DigestMail mail, UnsubscribeTokens tokens, DigestConfig config,
            dev.faultline.webhook.WebhookEvents webhooks) {
        this.webhooks = webhooks;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.builder = builder;
        this.mail = mail;
        this.tokens = tokens;
        this.config = config;
    }

    /** Queues the latest due period of every active subscription (not those due before it was made). */
    public int enqueueDue(Instant now) {
        int queued = 0;
        for (Subscription s : subscriptions.active()) {
            Schedule.Period p = s.schedule().latest(now);
            if (!p.due().isBefore(s.createdAt().toInstant()) && deliveries.enqueue(s.id(), p, s.email())) {
                queued++;
            }
        }
        return queued;
    }

    /** Claims and handles due deliveries as {@code instance}; answers how many it handled. */
    public int drain(String instance) {
        int handled = 0;
        List<DeliveryView> claimed;
        do {
            claimed = deliveries.claim(instance, config.lease(), BATCH);
            claimed.forEach(d -> handle(d, instance));
            handled += claimed.size();
        } while (claimed.size() == BATCH);
        return handled;
    }

    private void handle(DeliveryView d, String instance) {
        try {
            var s = subscriptions.find(d.subscriptionId()).orElseThrow();
            if (s.unsubscribedAt() != null) {
                deliveries.failed(d.id(), instance, "unsubscribed before it was sent", null);
                return;
            }
            String unsubscribe = unsubscribeUrl(s.id());
            var content = deliveries.content(d.id()).orElseGet(() -> {
                deliveries.store(d.id(), mail.render(builder.build(s.filters(), new Schedule.Period(d.periodStart(),
                        d.periodEnd(), d.periodEnd()), s.schedule().zone(), unsubscribe, s.language())));
                return deliveries.content(d.id()).orElseThrow();
            });
            if (!config.smtp()) {
                deliveries.finish(d.id(), instance, "unsent");
                return;
            }
            mail.send(d, content, unsubscribe);
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
                deliveries.finish(d.id(), instance, "sent");
                webhooks.publish(dev.faultline.webhook.EventTypes.DIGEST_SENT, java.util.Map.of("delivery", d.id(),
                        "subscription", s.id(), "recipient", d.recipient(), "periodStart", d.periodStart().toString(),
                        "periodEnd", d.periodEnd().toString(), "subject", content.subject()));
            });
        } catch (RuntimeException e) {
            Duration wait = d.attempts() >= config.maxAttempts() ? null
                    : config.retryBase().multipliedBy(1L << Math.min(d.attempts() - 1, 20));
            LOG.warnf("digest %d to subscription %d: attempt %d failed (%s)%s", d.id(), d.subscriptionId(), d.attempts(),
                    reason(e), wait == null ? "; giving up" : "; next try in " + wait);
            deliveries.failed(d.id(), instance, reason(e), wait);
        }
    }

    String unsubscribeUrl(long subscription) {
        return config.publicUrl() + "/unsubscribe?token=" + tokens.token(subscription);
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return m.length() > 500 ? m.substring(0, 500) : m;
    }

    /** The latest deliveries of all subscriptions (administrators' outbox). */
    public List<DeliveryView> latest(int limit) {
        return deliveries.latest(null, limit);
    }

    /** The mail kept for a delivery, as HTML. */
    public String html(long id) {
        return deliveries.content(id).map(DeliveryRepository.Content::html)
                .orElseThrow(() -> ProblemException.notFound("Digest mail", id));
    }

    /** Queues an unsent or failed delivery again. */
    public DeliveryView retry(long id) {
        if (!deliveries.requeue(id)) {
            throw new ProblemException(409, "Conflict", "Digest " + id + " is not unsent or failed", List.of());
        }
        return deliveries.find(id).orElseThrow();
    }
}
