package dev.faultline.record;

import java.time.OffsetDateTime;

/** An asset (machine, aircraft, line equipment) as the API shows it. */
public record AssetView(
        String id,
        String name,
        String type,
        String site,
        String line,
        Long recordCount,
        OffsetDateTime lastRecordAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** The short form embedded in a record. */
    public record Ref(String id, String name, String type, String site, String line) {}
}
