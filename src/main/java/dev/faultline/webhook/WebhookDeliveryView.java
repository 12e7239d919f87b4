package dev.faultline.webhook;

import java.time.OffsetDateTime;

/** One event to one endpoint: its state, attempts, the last answer (status code or error) and how long it took. */
public record WebhookDeliveryView(long id, long endpointId, String messageId, String type, String status,
        int attempts, OffsetDateTime nextAttemptAt, Integer responseStatus, String lastError, Integer durationMs,
        OffsetDateTime lastAttemptAt, OffsetDateTime createdAt) {}
