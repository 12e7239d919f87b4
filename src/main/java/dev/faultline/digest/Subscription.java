package dev.faultline.digest;

import java.time.OffsetDateTime;

/** A stored subscription. */
record Subscription(long id, String owner, String email, Schedule schedule, DigestFilters filters,
        String language, OffsetDateTime createdAt, OffsetDateTime unsubscribedAt) {

    SubscriptionView view(java.time.Instant now) {
        return new SubscriptionView(id, owner, email, new SubscriptionView.ScheduleView(schedule.every(),
                schedule.every().equals("week") ? schedule.day().name() : null, schedule.hour(),
                schedule.zone().getId()), filters, language, createdAt, unsubscribedAt,
                unsubscribedAt == null ? schedule.next(now).due() : null);
    }
}
