package dev.faultline.search;

import dev.faultline.record.RecordView;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The records matching every word of a subject, counted exactly: how many, the full-text query counted (to show),
 * the dates of the first and the latest, the assets with most of them, and the first and latest few records.
 */
public record CountView(long count, String counted, OffsetDateTime first, OffsetDateTime last,
        List<AssetCount> assets, List<RecordView> earliest, List<RecordView> latest) {

    /** An asset and how many of the matching records are about it. */
    public record AssetCount(String asset, long records) {}
}
