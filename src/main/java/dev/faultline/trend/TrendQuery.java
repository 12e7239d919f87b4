package dev.faultline.trend;

import dev.faultline.error.FieldError;
import dev.faultline.error.ProblemException;
import dev.faultline.record.RecordKind;
import dev.faultline.record.StatsView;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A trends question: group by fault class or asset, per day, week or month, over [from, to) in a time zone, for
 * some sites, assets, asset types and kinds (empty: any). {@code from}/{@code to} null: the year (per week) up to
 * the newest matching record.
 */
public record TrendQuery(StatsView.By by, String interval, LocalDate from, LocalDate to, ZoneId zone,
        List<String> sites, List<String> assets, List<String> assetTypes, List<String> kinds) {

    /** The most buckets a series may have (e.g. ten years of weeks). */
    static final int MAX_BUCKETS = 600;

    /** Reads and checks request parameters; a bad one is a 400 naming it. */
    public static TrendQuery parse(String by, String interval, String from, String to, String zone,
            List<String> sites, List<String> assets, List<String> assetTypes, List<String> kinds, ZoneId fallback) {
        StatsView.By b;
        try {
            b = blank(by) ? StatsView.By.faultClass : StatsView.By.valueOf(by.strip());
        } catch (IllegalArgumentException e) {
            throw bad("by", "'" + by + "': use faultClass or asset");
        }
        String i = blank(interval) ? "week" : interval.strip();
        if (!List.of("day", "week", "month").contains(i)) {
            throw bad("interval", "'" + interval + "': use day, week or month");
        }
        for (String k : kinds) {
            if (RecordKind.fromCode(k).isEmpty()) {
                throw bad("kind", "unknown kind '" + k + "'; use one of " + RecordKind.codes());
            }
        }
        LocalDate f = date("from", from);
        LocalDate t = date("to", to);
        if (f != null && t != null && !f.isBefore(t)) {
            throw bad("to", "must be after 'from'");
        }
        return new TrendQuery(b, i, f, t, zone("zone", zone, fallback), clean(sites), clean(assets),
                clean(assetTypes), kinds.stream().map(String::strip).toList());
    }

    private static LocalDate date(String name, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip().length() > 10 ? value.strip().substring(0, 10) : value.strip());
        } catch (DateTimeParseException e) {
            throw bad(name, "'" + value + "' is not a date such as 2024-03-01");
        }
    }

    static ZoneId zone(String name, String value, ZoneId fallback) {
        if (blank(value)) {
            return fallback;
        }
        try {
            ZoneId z = ZoneId.of(value.strip());
            if (!value.strip().equals("UTC") && (z instanceof java.time.ZoneOffset || !value.contains("/"))) {
                throw bad(name, "'" + value + "': use a region such as Europe/Berlin or UTC (PostgreSQL reads offsets"
                        + " the POSIX way)");
            }
            return z;
        } catch (DateTimeException e) {
            throw bad(name, "'" + value + "' is not a time zone such as Europe/Berlin or UTC");
        }
    }

    private static List<String> clean(List<String> values) {
        return values.stream().filter(v -> !blank(v)).map(String::strip).distinct().toList();
    }

    private static ProblemException bad(String parameter, String reason) {
        return ProblemException.badRequest(FieldError.of(parameter, reason));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
