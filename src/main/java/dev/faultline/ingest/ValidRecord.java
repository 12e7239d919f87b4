package dev.faultline.ingest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.SortedMap;

/** A record that passed validation: trimmed, parsed, with its content hash. Only these reach the database. */
public record ValidRecord(
        String source,
        String externalId,
        String kind,
        AssetInput asset,
        OffsetDateTime occurredAt,
        String author,
        String title,
        String text,
        SortedMap<String, String> fields,
        String language,
        List<String> tags,
        String contentHash) {

    /** The upsert key. */
    public String key() {
        return source + '\u0000' + externalId;
    }
}
