package dev.faultline.ticketing;

/**
 * Body of {@code POST /api/v1/tickets}: a record (from its page or a search result) or an asset (from its at-risk
 * prediction), and the system ({@code jira} or {@code servicenow}; default: the only one configured).
 */
public record TicketRequest(Long recordId, String asset, String system) {}
