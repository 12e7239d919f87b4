package dev.faultline.classify;

import java.time.OffsetDateTime;

/** An engineer's correction of a record's fault class: who, when, and what it was before. */
public record CorrectionView(
        long recordId,
        String label,
        String previousLabel,
        String previousSource,
        String correctedBy,
        OffsetDateTime correctedAt) {}
