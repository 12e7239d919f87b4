package dev.faultline.record;

import java.time.OffsetDateTime;

/**
 * Filters of a record list; null means "any". {@code from} is inclusive, {@code to} exclusive.
 */
public record RecordFilter(
        String asset, String site, RecordKind kind, String source, OffsetDateTime from, OffsetDateTime to,
        String faultClass) {

    public static RecordFilter none() {
        return new RecordFilter(null, null, null, null, null, null, null);
    }
}
