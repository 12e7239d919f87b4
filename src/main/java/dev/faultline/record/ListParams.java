package dev.faultline.record;

import dev.faultline.error.FieldError;
import dev.faultline.error.ProblemException;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Reads and checks list query parameters; a bad one is a 400 naming the parameter. */
public final class ListParams {

    private ListParams() {}

    public static RecordFilter filter(
            String asset, String site, String kind, String source, String from, String to, String faultClass,
            ZoneId zone) {
        RecordKind k = blank(kind)
                ? null
                : RecordKind.fromCode(kind.strip())
                        .orElseThrow(() -> bad("kind", "unknown kind '" + kind + "'; use one of " + RecordKind.codes()));
        OffsetDateTime f = time("from", from, zone);
        OffsetDateTime t = time("to", to, zone);
        if (f != null && t != null && !f.isBefore(t)) {
            throw bad("to", "must be after 'from'");
        }
        if (site != null && !site.isEmpty() && site.isBlank()) {
            throw bad("site", "is only whitespace; leave it out to search every site");
        }
        return new RecordFilter(trim(asset), trim(site), k, trim(source), f, t, trim(faultClass));
    }

    /** The order of a list: newest (default), oldest or asset. */
    public static RecordSort sort(String sort) {
        if (blank(sort)) {
            return RecordSort.newest;
        }
        try {
            return RecordSort.valueOf(sort.strip());
        } catch (IllegalArgumentException e) {
            throw bad("sort", "unknown order '" + sort + "'; use newest, oldest or asset");
        }
    }

    /** Words to look for, or null; at most 500 characters. */
    public static String text(String q) {
        if (blank(q)) {
            return null;
        }
        if (q.length() > 500) {
            throw bad("q", "is " + q.length() + " characters long; at most 500");
        }
        return q.strip();
    }

    public static int limit(Integer limit, RecordConfig config) {
        if (limit == null) {
            return config.pageSize();
        }
        if (limit < 1 || limit > config.maxPageSize()) {
            throw bad("limit", "must be between 1 and " + config.maxPageSize());
        }
        return limit;
    }

    public static int offset(Integer offset) {
        if (offset == null) {
            return 0;
        }
        if (offset < 0) {
            throw bad("offset", "must be 0 or more");
        }
        return offset;
    }

    /** A required ISO date ({@code 2024-03-01}). */
    public static java.time.LocalDate date(String name, String value) {
        if (blank(value)) {
            throw bad(name, "is required: a date such as 2024-03-01");
        }
        try {
            return java.time.LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw bad(name, "'" + value + "' is not a date such as 2024-03-01");
        }
    }

    private static OffsetDateTime time(String name, String value, ZoneId zone) {
        if (blank(value)) {
            return null;
        }
        return Timestamps.parse(value, zone)
                .orElseThrow(() -> bad(name, "'" + value + "' is not an ISO-8601 date or date-time"));
    }

    private static ProblemException bad(String parameter, String reason) {
        return ProblemException.badRequest(FieldError.of(parameter, reason));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.strip();
    }
}
