package dev.faultline.summarize;

import java.util.List;

/**
 * Body of {@code POST /api/v1/summaries}: exactly one of a record id, a list of record ids, or a filter (asset,
 * site, kind, source, date range, fault class).
 */
public record SummaryRequest(Long recordId, List<Long> recordIds, Filter filter) {

    public record Filter(String asset, String site, String kind, String source, String from, String to,
            String faultClass) {}
}
