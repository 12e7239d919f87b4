package dev.faultline.trend;

import dev.faultline.record.RecordScope;
import dev.faultline.record.RecordStatsService;
import dev.faultline.record.StatsView;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Trends and Pareto charts of the records, for the Trends page, its CSV downloads and the API. */
@ApplicationScoped
public class TrendService {

    /** Keys drawn apart in a series; the rest are summed as one. */
    static final int SERIES_KEYS = 8;
    static final int MTBF_ROWS = 50;
    static final String MTBF_METHOD = "Per asset and fault class with two or more records in the period: (time of"
            + " the last record - time of the first) / (records - 1), in days. It counts records, not confirmed"
            + " failures, and calendar time, not running hours; records of class Other or Unknown (the classifier"
            + " was unsure) are left out.";

    private final RecordStatsService stats;
    // the app's worker pool: not the common fork-join pool, which has one worker on 2 cores and is no place to
    // wait for the database
    private final org.eclipse.microprofile.context.ManagedExecutor executor;

    TrendService(RecordStatsService stats, org.eclipse.microprofile.context.ManagedExecutor executor) {
        this.stats = stats;
        this.executor = executor;
    }

    public TrendView trends(TrendQuery q) {
        return trends(q, true);
    }

    /**
     * The trends; without {@code mtbf} its list is left empty (one scan fewer). The counts per key come from the
     * series' rows, and the time between failures is read at the same time: two scans of the period, in parallel.
     */
    public TrendView trends(TrendQuery q, boolean mtbf) {
        RecordScope any = new RecordScope(q.sites(), q.assets(), q.assetTypes(), q.kinds(), List.of(), null, null);
        LocalDate to = q.to() != null ? q.to()
                : stats.newest(any).map(t -> t.atZoneSameInstant(q.zone()).toLocalDate().plusDays(1))
                        .orElse(LocalDate.now(q.zone()).plusDays(1));
        LocalDate from = q.from() != null ? q.from() : defaultFrom(q.interval(), to);
        List<LocalDate> starts = buckets(q.interval(), from, to);
        if (starts.size() > TrendQuery.MAX_BUCKETS) {
            throw dev.faultline.error.ProblemException.badRequest(dev.faultline.error.FieldError.of("from",
                    "the period has " + starts.size() + " " + q.interval() + "s; at most " + TrendQuery.MAX_BUCKETS
                            + ": use a longer interval or a shorter period"));
        }
        RecordScope scope = any.during(start(from, q), start(to, q));
        var between = mtbf ? java.util.concurrent.CompletableFuture.supplyAsync(() -> stats.mtbf(scope, MTBF_ROWS),
                executor)
                : java.util.concurrent.CompletableFuture.completedFuture(List.<StatsView.Mtbf>of());
        List<StatsView.Bucket> rows = stats.series(scope, q.by(), q.interval(), q.zone().getId());
        List<StatsView.Count> all = rows.stream().collect(Collectors.groupingBy(StatsView.Bucket::key,
                Collectors.summingLong(StatsView.Bucket::count))).entrySet().stream()
                .map(e -> new StatsView.Count(e.getKey(), e.getValue()))
                .sorted(java.util.Comparator.comparingLong(StatsView.Count::count).reversed()
                        .thenComparing(StatsView.Count::key))
                .toList();
        long total = all.stream().mapToLong(StatsView.Count::count).sum();
        List<String> keys = new ArrayList<>(all.stream().limit(SERIES_KEYS).map(StatsView.Count::key).toList());
        if (all.size() > SERIES_KEYS) {
            keys.add(TrendView.OTHERS);
        }
        return new TrendView(q.by().name(), q.interval(), q.zone().getId(), from, to, total, keys,
                series(rows, starts, keys), pareto(all, total), between.join(), MTBF_METHOD);
    }

    private static OffsetDateTime start(LocalDate day, TrendQuery q) {
        return day.atStartOfDay(q.zone()).toOffsetDateTime();
    }

    private static LocalDate defaultFrom(String interval, LocalDate to) {
        return switch (interval) {
            case "day" -> to.minusDays(30);
            case "month" -> to.minusYears(2);
            default -> to.minusWeeks(52);
        };
    }

    /** The first day of every bucket that overlaps [from, to). */
    static List<LocalDate> buckets(String interval, LocalDate from, LocalDate to) {
        LocalDate d = switch (interval) {
            case "day" -> from;
            case "month" -> from.withDayOfMonth(1);
            default -> from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        };
        List<LocalDate> starts = new ArrayList<>();
        while (d.isBefore(to) && starts.size() <= TrendQuery.MAX_BUCKETS) {
            starts.add(d);
            d = switch (interval) {
                case "day" -> d.plusDays(1);
                case "month" -> d.plusMonths(1);
                default -> d.plusWeeks(1);
            };
        }
        return starts;
    }

    private static List<TrendView.Point> series(List<StatsView.Bucket> rows, List<LocalDate> starts,
            List<String> keys) {
        Set<String> drawn = Set.copyOf(keys);
        Map<LocalDate, Map<String, Long>> byStart = new LinkedHashMap<>();
        for (LocalDate s : starts) {
            Map<String, Long> zeros = new LinkedHashMap<>();
            keys.forEach(k -> zeros.put(k, 0L));
            byStart.put(s, zeros);
        }
        for (StatsView.Bucket b : rows) {
            Map<String, Long> counts = byStart.get(b.start());
            if (counts != null) {
                counts.merge(drawn.contains(b.key()) ? b.key() : TrendView.OTHERS, b.count(), Long::sum);
            }
        }
        return byStart.entrySet().stream().map(e -> new TrendView.Point(e.getKey(), e.getValue(),
                e.getValue().values().stream().mapToLong(Long::longValue).sum())).collect(Collectors.toList());
    }

    private static List<TrendView.ParetoRow> pareto(List<StatsView.Count> all, long total) {
        List<TrendView.ParetoRow> rows = new ArrayList<>();
        long running = 0;
        for (StatsView.Count c : all) {
            running += c.count();
            rows.add(new TrendView.ParetoRow(c.key(), c.count(), percent(c.count(), total), percent(running, total)));
        }
        return rows;
    }

    private static double percent(long part, long total) {
        return total == 0 ? 0 : Math.round(1000.0 * part / total) / 10.0;
    }
}
