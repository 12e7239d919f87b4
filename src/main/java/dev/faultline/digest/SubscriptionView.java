package dev.faultline.digest;

import java.time.Instant;
import java.time.OffsetDateTime;

/** A subscription as the API shows it, with the period and due time of its next mail. */
public record SubscriptionView(long id, String owner, String email, ScheduleView schedule, DigestFilters filters,
        String language, OffsetDateTime createdAt, OffsetDateTime unsubscribedAt, Instant nextDue) {

    public record ScheduleView(String every, String day, int hour, String zone) {}

    public boolean active() {
        return unsubscribedAt == null;
    }
}
