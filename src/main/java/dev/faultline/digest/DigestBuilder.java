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
import java.util.Locale;
import java.util.stream.Stream;

/** Collects what a digest says from the record, statistics, summary and prediction services. */
@ApplicationScoped
class DigestBuilder {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter ZH_DAY = DateTimeFormatter.ofPattern("yyyy年M月d日 EEE", Locale.CHINA);

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

    /** A digest in a language ("en", "zh"): the words around the records, the dates and the class names. */
    Digest build(DigestFilters f, Schedule.Period p, ZoneId zone, String unsubscribeUrl, String language) {
        DigestMessages words = dev.faultline.i18n.Bundles.in(DigestMessages.class, language);
        DateTimeFormatter day = "zh".equals(language) ? ZH_DAY : DAY;
        RecordScope scope = new RecordScope(f.sites(), f.assets(), f.assetTypes(), f.kinds(), f.faultClasses(),
                DeliveryRepository.utc(p.start()), DeliveryRepository.utc(p.end()));
        long count = stats.count(scope);
        long previous = stats.count(scope.during(DeliveryRepository.utc(before(p, zone)),
                DeliveryRepository.utc(p.start())));
        String period = day.format(p.start().atZone(zone)) + " \u2013 "
                + day.format(p.end().atZone(zone).minusDays(1)) + " (" + zone.getId() + ")";
        String title = words.title(count, period);
        String scopeWords = DigestLinks.scope(f, words, language);
        if (count == 0) {
            return new Digest(title, period, scopeWords, 0, previous, change(0, previous, words), List.of(),
                    List.of(), List.of(), atRisk(f), List.of(), List.of(), null, null, config.publicUrl(),
                    DigestLinks.trends(config.publicUrl(), f), unsubscribeUrl, language);
        }
        SummaryView summary = summaries.summarize(new SummaryRequest(null, stats.newestIds(scope, 300), null));
        List<Digest.Problem> lines = summary.lines().stream().map(this::problem).toList();
        return new Digest(title, period, scopeWords, count, previous, change(count, previous, words),
                bars(stats.top(scope, StatsView.By.faultClass, config.top()), "faultClass", scope, language),
                bars(stats.top(scope, StatsView.By.asset, config.top()), "asset", scope, null),
                lines.stream().filter(l -> l.count() >= 2).limit(config.top()).map(DigestBuilder::uncounted).toList(),
                atRisk(f),
                notable(scope, words, language), lines, words.summaryNote(summary.records(), count,
                        summary.generator()) + (summary.notice() == null ? ""
                                : " (" + dev.faultline.i18n.Reasons.in(summary.notice(), language) + ")"),
                "extractive".equals(summary.generator()) ? null : summary.summary(),
                config.publicUrl(), DigestLinks.trends(config.publicUrl(), f), unsubscribeUrl, language);
    }

    /** Where the period before starts: a calendar month before a month, else as many local days before. */
    static java.time.Instant before(Schedule.Period p, ZoneId zone) {
        var start = p.start().atZone(zone).toLocalDate();
        var end = p.end().atZone(zone).toLocalDate();
        var from = start.getDayOfMonth() == 1 && end.equals(start.plusMonths(1)) ? start.minusMonths(1)
                : start.minusDays(java.time.temporal.ChronoUnit.DAYS.between(start, end));
        return from.atStartOfDay(zone).toInstant();
    }

    private static String change(long count, long previous, DigestMessages words) {
        if (previous == 0) {
            return count == 0 ? words.noneInEither() : words.noneBefore();
        }
        long pct = Math.round(100.0 * (count - previous) / previous);
        return words.change(pct > 0 ? "+" : pct < 0 ? "\u2212" : "\u00b1", Math.abs(pct), previous);
    }

    /** Bars of counts; with a language, the keys are class names shown in it (the links keep the stored name). */
    private List<Digest.Bar> bars(List<StatsView.Count> counts, String param, RecordScope scope, String language) {
        long max = counts.stream().mapToLong(StatsView.Count::count).max().orElse(1);
        return counts.stream().map(c -> new Digest.Bar(language == null ? c.key()
                : dev.faultline.classify.ClassNames.in(c.key(), language), c.count(), (int) Math.max(1, 100 * c.count() / max),
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

    private List<Digest.Link> notable(RecordScope scope, DigestMessages words, String language) {
        List<Long> ids = stats.newProblems(scope, config.newProblemLookback(), config.top());
        return records.records(ids).stream().map(r -> new Digest.Link(label(r, words, language),
                config.publicUrl() + "/records/" + r.id())).toList();
    }

    private static String label(RecordView r, DigestMessages words, String language) {
        String text = r.title() != null ? r.title() : r.text().length() > 90 ? r.text().substring(0, 90) + "\u2026"
                : r.text();
        return (r.asset() == null ? "" : r.asset().id() + ": ") + text + " ("
                + words.newOnAsset(dev.faultline.classify.ClassNames.in(r.faultClass(), language)) + ")";
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
