package dev.faultline.ticketing;

import java.time.OffsetDateTime;

/** A ticket raised from Faultline: where, its key and link, and what it was raised for. */
public record CreatedTicket(long id, String system, String key, String url, Long recordId, String asset,
        String createdBy, OffsetDateTime createdAt) {}
