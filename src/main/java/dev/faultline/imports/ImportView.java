package dev.faultline.imports;

import dev.faultline.error.FieldError;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An import job as {@code GET /api/v1/imports/{id}} shows it. */
public record ImportView(
        UUID id,
        String state,
        String target,
        String format,
        String fileName,
        String source,
        long rowsTotal,
        long rowsDone,
        long rowsFailed,
        long created,
        long updated,
        long unchanged,
        double percent,
        double rowsPerSecond,
        int attempts,
        String message,
        List<String> ignoredColumns,
        OffsetDateTime createdAt,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        List<FieldError> errors) {}
