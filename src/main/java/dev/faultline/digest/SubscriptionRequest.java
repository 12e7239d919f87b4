package dev.faultline.digest;

/**
 * Body of {@code POST /api/v1/digests/subscriptions} and {@code PUT .../{id}}: the address, the schedule
 * ({@code every} week (default), day or month; {@code day} for weekly mail (default MONDAY); {@code hour} 0-23
 * (default 7); {@code zone} (default the records' default zone)), the filters (default: every record) and the
 * mail's language ({@code en} (default) or {@code zh}).
 */
public record SubscriptionRequest(String email, ScheduleRequest schedule, DigestFilters filters, String language) {

    public record ScheduleRequest(String every, String day, Integer hour, String zone) {}
}
