package dev.faultline.ticketing;

/**
 * What a ticket event did: {@code created}, {@code updated}, {@code unchanged} (a replay) or {@code stale} (older
 * than what the record already holds, so ignored), and the record.
 */
public record TicketEventResult(String status, String ticketKey, Long recordId) {}
