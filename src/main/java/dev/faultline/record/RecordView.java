package dev.faultline.record;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A record as {@code GET /api/v1/records/{id}} returns it. */
public record RecordView(
        long id,
        String source,
        String externalId,
        String kind,
        AssetView.Ref asset,
        OffsetDateTime occurredAt,
        String author,
        String title,
        String text,
        Map<String, String> fields,
        String language,
        List<String> tags,
        String faultClass,
        FaultClassView classification,
        String contentHash,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
