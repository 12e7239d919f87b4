package dev.faultline.feedback;

import java.time.OffsetDateTime;

/** One judgement as stored. */
public record FeedbackView(long id, String kind, String query, Long recordId, boolean useful, String actor,
        OffsetDateTime createdAt) {}
