package dev.faultline.classify;

import java.time.OffsetDateTime;

/** A training run of the fault classifier: {@code queued}, {@code running} (with progress 0–1), {@code done}, {@code failed}. */
public record TrainingRunView(
        long id,
        String status,
        double progress,
        String requestedBy,
        Integer modelVersion,
        String message,
        OffsetDateTime createdAt,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt) {}
