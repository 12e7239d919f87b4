package dev.faultline.trend;

import dev.faultline.record.StatsView;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Trends over a period: records per bucket for the most frequent keys (the rest summed as {@link #OTHERS}), a
 * Pareto of every key (count, share and cumulative share of the period's records), and the mean time between
 * failures per asset and fault class, with how it is computed.
 */
public record TrendView(String by, String interval, String zone, LocalDate from, LocalDate to, long total,
        List<String> keys, List<Point> series, List<ParetoRow> pareto, List<StatsView.Mtbf> mtbf,
        String mtbfMethod) {

    public static final String OTHERS = "All others";

    /** One bucket: its first day and the records per key (every key of {@link #keys}, zeros included). */
    public record Point(LocalDate start, Map<String, Long> counts, long total) {}

    /** One bar of a Pareto chart; shares in percent of the period's records. */
    public record ParetoRow(String key, long count, double share, double cumulative) {}
}
