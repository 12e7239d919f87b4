package dev.faultline.predict;

import java.time.OffsetDateTime;

/** A training run: queued, running (with progress and stage), done (with the version it made) or failed. */
public record RunView(long id, String predictor, String state, double progress, String stage, String requestedBy,
        Integer version, String error, OffsetDateTime createdAt, OffsetDateTime startedAt,
        OffsetDateTime finishedAt) {}
