package dev.faultline.imports;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An import job as stored. */
record ImportJobRow(
        UUID id,
        String state,
        ImportFormat format,
        String fileName,
        String spoolPath,
        long bytesTotal,
        String source,
        String defaultKind,
        Map<String, String> mapping,
        List<String> ignoredColumns,
        long rowsTotal,
        Progress progress,
        int attempts,
        String message,
        OffsetDateTime createdAt,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        String createdBy,
        ImportTarget target,
        Map<String, String> options) {}
