package dev.faultline.record;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The shapes of record statistics. */
public final class StatsView {

    private StatsView() {}

    /** What a count is grouped by: the record's fault class (failure mode) or its asset. */
    public enum By {
        faultClass, asset
    }

    /** Records of one key in one bucket starting on {@code start} (in the query's zone). */
    public record Bucket(LocalDate start, String key, long count) {}

    /** Records of one key. */
    public record Count(String key, long count) {}

    /** The mean time between records of one fault class on one asset, in days. */
    public record Mtbf(String asset, String faultClass, long failures, OffsetDateTime first, OffsetDateTime last,
            double mtbfDays) {}
}
