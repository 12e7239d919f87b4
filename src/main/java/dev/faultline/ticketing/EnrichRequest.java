package dev.faultline.ticketing;

/** Body of {@code POST /api/v1/enrich}: a ticket's text, and optionally its asset and site. */
public record EnrichRequest(String text, String asset, String site) {}
