package dev.faultline.ingest;

import java.util.List;
import java.util.Map;

/**
 * A record as clients send it (REST body item, JSONL line, or a mapped CSV row). Everything is read as text and
 * checked by {@link RecordValidator}, so a bad value is answered with the field's name rather than a parse error.
 */
public record RecordInput(
        String source,
        String externalId,
        String kind,
        AssetInput asset,
        String occurredAt,
        String author,
        String title,
        String text,
        Map<String, String> fields,
        String language,
        List<String> tags) {}
