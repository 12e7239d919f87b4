package dev.faultline.webhook;

import dev.faultline.audit.AuditService;
import dev.faultline.error.FieldError;
import dev.faultline.error.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Administrators' use cases: register, change, rotate, test and remove endpoints; read and redeliver deliveries. */
@ApplicationScoped
public class WebhookService {

    private final EndpointRepository endpoints;
    private final OutboxRepository outbox;
    private final WebhookEvents events;
    private final UrlPolicy policy;
    private final AuditService audit;
    private final WebhookConfig config;
    private final SecureRandom random = new SecureRandom();

    WebhookService(EndpointRepository endpoints, OutboxRepository outbox, WebhookEvents events, UrlPolicy policy,
            AuditService audit, WebhookConfig config) {
        this.endpoints = endpoints;
        this.outbox = outbox;
        this.events = events;
        this.policy = policy;
        this.audit = audit;
        this.config = config;
    }

    /** Registers an endpoint; the answer carries its signing secret, shown this once. */
    public EndpointView create(EndpointRequest r, String actor) {
        check(r);
        String secret = secret();
        long id = endpoints.insert(r.url().strip(), List.copyOf(r.events()), r.description(), secret, actor);
        events.changed();
        audit.record(actor, "webhook.created", "webhook", String.valueOf(id), Map.of("url", r.url(), "events",
                r.events()));
        return get(id).withSecret(secret);
    }

    public EndpointView update(long id, EndpointRequest r, String actor) {
        check(r);
        get(id);
        endpoints.update(id, r.url().strip(), List.copyOf(r.events()), r.description(),
                r.enabled() == null || r.enabled());
        events.changed();
        audit.record(actor, "webhook.updated", "webhook", String.valueOf(id), Map.of("url", r.url()));
        return get(id);
    }

    /** Enables or disables an endpoint, whatever its URL resolves to now (enabling clears its run of failures). */
    public EndpointView setEnabled(long id, boolean enabled, String actor) {
        EndpointView e = get(id);
        endpoints.update(id, e.url(), e.events(), e.description(), enabled);
        events.changed();
        audit.record(actor, enabled ? "webhook.enabled" : "webhook.disabled_by_admin", "webhook", String.valueOf(id),
                Map.of());
        return get(id);
    }

    /** A new secret; the previous one keeps signing as a second signature for {@code rotation-overlap}. */
    public EndpointView rotate(long id, String actor) {
        get(id);
        String secret = secret();
        endpoints.rotate(id, secret, config.rotationOverlap());
        audit.record(actor, "webhook.secret_rotated", "webhook", String.valueOf(id), Map.of());
        return get(id).withSecret(secret);
    }

    public void delete(long id, String actor) {
        if (!endpoints.delete(id)) {
            throw ProblemException.notFound("Webhook endpoint", id);
        }
        events.changed();
        audit.record(actor, "webhook.deleted", "webhook", String.valueOf(id), Map.of());
    }

    public EndpointView get(long id) {
        return endpoints.find(id).orElseThrow(() -> ProblemException.notFound("Webhook endpoint", id));
    }

    public List<EndpointView> list() {
        return endpoints.all();
    }

    /** Queues a {@code webhook.test} event for this endpoint alone; answers its delivery. */
    public WebhookDeliveryView test(long id) {
        get(id);
        String messageId = events.ping(id);
        return outbox.deliveries(id, 5).stream().filter(d -> d.messageId().equals(messageId)).findFirst()
                .orElseThrow();
    }

    public List<WebhookDeliveryView> deliveries(long id, int limit) {
        get(id);
        return outbox.deliveries(id, limit);
    }

    /** Sends a delivery again, with the same webhook-id. */
    public WebhookDeliveryView redeliver(long id, long delivery, String actor) {
        if (!outbox.redeliver(id, delivery)) {
            throw ProblemException.notFound("Webhook delivery", id + "/" + delivery + " (or it is being sent)");
        }
        audit.record(actor, "webhook.redelivered", "webhook", String.valueOf(id), Map.of("delivery", delivery));
        return outbox.delivery(delivery).orElseThrow();
    }

    private void check(EndpointRequest r) {
        if (r == null) {
            throw ProblemException.invalid(List.of(FieldError.of("url", "is required: the body is empty")));
        }
        List<FieldError> errors = new ArrayList<>();
        if (r.url() == null || r.url().isBlank()) {
            errors.add(FieldError.of("url", "is required"));
        } else {
            policy.refusal(r.url().strip()).ifPresent(why -> errors.add(FieldError.of("url", why)));
        }
        if (r.events() == null || r.events().isEmpty()) {
            errors.add(FieldError.of("events", "is required: one or more of " + EventTypes.ALL));
        } else {
            for (int i = 0; i < r.events().size(); i++) {
                if (!EventTypes.ALL.contains(r.events().get(i))) {
                    errors.add(FieldError.of("events[" + i + "]", "'" + r.events().get(i) + "' is not one of "
                            + EventTypes.ALL));
                }
            }
        }
        if (r.description() != null && r.description().length() > 500) {
            errors.add(FieldError.of("description", "is longer than 500 characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private String secret() {
        byte[] key = new byte[24];
        random.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }
}
