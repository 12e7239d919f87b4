package dev.faultline.digest;

import dev.faultline.predict.AtRiskEntry;
import dev.faultline.predict.PredictionService;
import dev.faultline.predict.PredictorView;
import dev.faultline.record.RecordScope;
import dev.faultline.record.RecordService;
import dev.faultline.record.RecordStatsService;
import dev.faultline.record.RecordView;
import dev.faultline.record.StatsView;
import dev.faultline.summarize.SummaryRequest;
import dev.faultline.summarize.SummaryService;
import dev.faultline.summarize.SummaryView;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

/** Collects what a digest says from the record, statistics, summary and prediction services. */
@ApplicationScoped
class DigestBuilder {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy");

    private final RecordStatsService stats;
    private final RecordService records;
    private final SummaryService summaries;
    private final PredictionService predictions;
    private final DigestConfig config;

    DigestBuilder(RecordStatsService stats, RecordService records, SummaryService summaries,
            PredictionService predictions, DigestConfig config) {
        this.stats = stats;
        this.records = records;
        this.summaries = summaries;
        this.predictions = predictions;
        this.config = config;
    }

    Digest build(DigestFilters f, Schedule.Period p, ZoneId zone, String unsubscribeUrl) {
        RecordScope scope = new RecordScope(f.sites(), f.assets(), f.assetTypes(), f.kinds(), f.faultClasses(),
                DeliveryRepository.utc(p.start()), DeliveryRepository.utc(p.end()));
        long count = stats.count(scope);
        long previous = stats.count(scope.during(DeliveryRepository.utc(before(p, zone)),
                DeliveryRepository.utc(p.start())));
        String period = DAY.format(p.start().atZone(zone)) + " \u2013 "
                + DAY.format(p.end().atZone(zone).minusDays(1)) + " (" + zone.getId() + ")";
        String title = "Faultline digest: " + count + (count == 1 ? " record" : " records") + ", " + period;
        if (count == 0) {
            return new Digest(title, period, DigestLinks.scope(f), 0, previous, change(0, previous), List.of(),
                    List.of(), List.of(), atRisk(f), List.of(), List.of(), null, null, config.publicUrl(),
                    DigestLinks.trends(config.publicUrl(), f), unsubscribeUrl);
        }
        SummaryView summary = summaries.summarize(new SummaryRequest(null, stats.newestIds(scope, 300), null));
        List<Digest.Problem> lines = summary.lines().stream().map(this::problem).toList();
        return new Digest(title, period, DigestLinks.scope(f), count, previous, change(count, previous),
                bars(stats.top(scope, StatsView.By.faultClass, config.top()), "faultClass", scope),
                bars(stats.top(scope, StatsView.By.asset, config.top()), "asset", scope),
                lines.stream().filter(l -> l.count() >= 2).limit(config.top()).map(DigestBuilder::uncounted).toList(),
                atRisk(f),
                notable(scope), lines, "From the " + summary.records() + " newest of " + count + " records, by the "
                        + summary.generator() + " summarizer" + (summary.notice() == null ? "" : " (" + summary.notice()
                        + ")"), "extractive".equals(summary.generator()) ? null : summary.summary(),
                config.publicUrl(), DigestLinks.trends(config.publicUrl(), f), unsubscribeUrl);
    }

    /** Where the period before starts: a calendar month before a month, else as many local days before. */
    static java.time.Instant before(Schedule.Period p, ZoneId zone) {
        var start = p.start().atZone(zone).toLocalDate();
        var end = p.end().atZone(zone).toLocalDate();
        var from = start.getDayOfMonth() == 1 && end.equals(start.plusMonths(1)) ? start.minusMonths(1)
                : start.minusDays(java.time.temporal.ChronoUnit.DAYS.between(start, end));
        return from.atStartOfDay(zone).toInstant();
    }

    private static String change(long count, long previous) {
        if (previous == 0) {
            return count == 0 ? "none in either period" : "none in the period before";
        }
        long pct = Math.round(100.0 * (count - previous) / previous);
        return (pct > 0 ? "+" : pct < 0 ? "\u2212" : "\u00b1") + Math.abs(pct) + "% on the " + previous
                + " of the period before";
    }

    private List<Digest.Bar> bars(List<StatsView.Count> counts, String param, RecordScope scope) {
        long max = counts.stream().mapToLong(StatsView.Count::count).max().orElse(1);
        return counts.stream().map(c -> new Digest.Bar(c.key(), c.count(), (int) Math.max(1, 100 * c.count() / max),
                config.publicUrl() + "/?" + param + "=" + enc(c.key()) + "&from=" + enc(scope.from().toInstant().toString())
                        + "&to=" + enc(scope.to().toInstant().toString()))).toList();
    }

    private Digest.Problem problem(SummaryView.Line l) {
        return new Digest.Problem(l.text(), l.count(), l.recordIds().stream().limit(5)
                .map(id -> new Digest.Link("#" + id, config.publicUrl() + "/records/" + id)).toList());
    }

    /** A recurring problem's text without the summary's "2 × " (the mail shows its count in its own column). */
    private static Digest.Problem uncounted(Digest.Problem p) {
        return new Digest.Problem(p.text().replaceFirst("^\\d+ \u00d7 ", ""), p.count(), p.records());
    }

    private List<Digest.Link> notable(RecordScope scope) {
        List<Long> ids = stats.newProblems(scope, config.newProblemLookback(), config.top());
        return records.records(ids).stream().map(r -> new Digest.Link(label(r),
                config.publicUrl() + "/records/" + r.id())).toList();
    }

    private static String label(RecordView r) {
        String text = r.title() != null ? r.title() : r.text().length() > 90 ? r.text().substring(0, 90) + "\u2026"
                : r.text();
        return (r.asset() == null ? "" : r.asset().id() + ": ") + text + " (" + r.faultClass() + ", new on this asset)";
    }

    private List<Digest.Risk> atRisk(DigestFilters f) {
        return Stream.of(PredictorView.RUL, PredictorView.FAILURE_RISK)
                .flatMap(kind -> predictions.ranked(kind, true).stream()).filter(e -> covers(f, e))
                .limit(config.top()).map(e -> new Digest.Risk(e.asset().id(), e.prediction().headline(),
                        e.prediction().reason(), config.publicUrl() + "/assets/" + enc(e.asset().id())))
                .toList();
    }

    private static boolean covers(DigestFilters f, AtRiskEntry e) {
        return (f.sites().isEmpty() || f.sites().contains(e.asset().site()))
                && (f.assets().isEmpty() || f.assets().contains(e.asset().id()))
                && (f.assetTypes().isEmpty() || f.assetTypes().contains(e.asset().type()));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
