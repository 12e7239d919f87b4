package dev.faultline.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What other features call to announce an event to webhook endpoints: one outbox row, written on the caller's
 * connection and so in its transaction (a rolled-back change sends nothing). Nothing is written while no enabled
 * endpoint wants the type (checked at most every few seconds, and at once after a change on this instance).
 */
@ApplicationScoped
public class WebhookEvents {

    private static final long CACHE_MILLIS = 2000;

    private final OutboxRepository outbox;
    private final EndpointRepository endpoints;
    private final ObjectMapper json;
    private volatile Set<String> wanted;
    private volatile long readAt;

    WebhookEvents(OutboxRepository outbox, EndpointRepository endpoints, ObjectMapper json) {
        this.outbox = outbox;
        this.endpoints = endpoints;
        this.json = json;
    }

    /** Announces one event: {@code {"type":..,"timestamp":..,"data":{..}}} (the Standard Webhooks shape). */
    public void publish(String type, Map<String, Object> data) {
        if (wanted().contains(type)) {
            outbox.event(messageId(), type, body(type, data), false);
        }
    }

    /** Announces one event per item. */
    public void publishAll(String type, List<Map<String, Object>> items) {
        if (!items.isEmpty() && wanted().contains(type)) {
            items.forEach(d -> outbox.event(messageId(), type, body(type, d), false));
        }
    }

    /** A ping for one endpoint only; answers its webhook-id. */
    String ping(long endpoint) {
        String id = messageId();
        outbox.event(id, EventTypes.TEST, body(EventTypes.TEST, Map.of("endpoint", endpoint)), true);
        outbox.deliveryFor(endpoint, id);
        return id;
    }

    void changed() {
        readAt = 0;
    }

    private Set<String> wanted() {
        if (wanted == null || System.currentTimeMillis() - readAt > CACHE_MILLIS) {
            wanted = Set.copyOf(endpoints.wantedTypes());
            readAt = System.currentTimeMillis();
        }
        return wanted;
    }

    private String body(String type, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("timestamp", Instant.now().toString());
        body.put("data", data);
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("webhook event " + type, e);
        }
    }

    private static String messageId() {
        return "msg_" + UUID.randomUUID().toString().replace("-", "");
    }
}
