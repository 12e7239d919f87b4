package dev.faultline.digest;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * One digest mail: which subscription and period, its state (queued, sending, retrying, sent, failed, unsent),
 * attempts, the last error, and when it was made and sent. The stored content is read separately.
 */
public record DeliveryView(long id, long subscriptionId, Instant periodStart, Instant periodEnd, String status,
        boolean manual, int attempts, OffsetDateTime nextAttemptAt, String lastError, String recipient,
        String subject, OffsetDateTime createdAt, OffsetDateTime sentAt) {}
