package dev.faultline.record;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;

/** Counting records: by period, by fault class or asset, and the time between repeated failures. */
@ApplicationScoped
public class RecordStatsService {

    private final StatsRepository stats;

    RecordStatsService(StatsRepository stats) {
        this.stats = stats;
    }

    public long count(RecordScope scope) {
        return stats.count(scope);
    }

    /** When the newest record in scope occurred, if any did. */
    public java.util.Optional<java.time.OffsetDateTime> newest(RecordScope scope) {
        return stats.newest(scope);
    }

    /** Ids of the newest records in scope, newest first. */
    public List<Long> newestIds(RecordScope scope, int limit) {
        return stats.newestIds(scope, limit);
    }

    /** Records per bucket and key; {@code interval} is day, week (starting Monday) or month, in {@code zone}. */
    public List<StatsView.Bucket> series(RecordScope scope, StatsView.By by, String interval, String zone) {
        return stats.series(scope, by, interval, zone);
    }

    /** Keys by their number of records, most first; {@code limit} 0 for all. */
    public List<StatsView.Count> top(RecordScope scope, StatsView.By by, int limit) {
        return stats.top(scope, by, limit);
    }

    /** The mean time between records of a fault class on an asset, shortest first (where there are two or more). */
    public List<StatsView.Mtbf> mtbf(RecordScope scope, int limit) {
        return stats.mtbf(scope, limit);
    }

    /** Ids of records in scope (which needs a start) whose problem their asset did not have in the lookback. */
    public List<Long> newProblems(RecordScope scope, Duration lookback, int limit) {
        return stats.newProblems(scope, lookback, limit);
    }
}
