package dev.faultline.digest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * When a subscription's mail goes out: every day, week (on {@code day}) or month (on the 1st), at {@code hour} in
 * {@code zone}. A mail covers the whole days before its send day: the day, the seven days, or the calendar month,
 * from local midnight to local midnight, so a period across a DST change is 23/25 hours longer or shorter.
 */
public record Schedule(String every, DayOfWeek day, int hour, ZoneId zone) {

    /** A period [start, end) and when its mail is due. */
    public record Period(Instant start, Instant end, Instant due) {}

    /** The latest period whose mail is due at or before {@code now}. */
    public Period latest(Instant now) {
        LocalDate sendDay = sendDayOnOrBefore(now.atZone(zone).toLocalDate());
        if (due(sendDay).isAfter(now)) {
            sendDay = previousSendDay(sendDay);
        }
        return period(sendDay);
    }

    /** The next period's mail after {@code now}. */
    public Period next(Instant now) {
        LocalDate sendDay = sendDayOnOrBefore(now.atZone(zone).toLocalDate());
        while (!due(sendDay).isAfter(now)) {
            sendDay = nextSendDay(sendDay);
        }
        return period(sendDay);
    }

    /** The period of the mail sent on {@code sendDay}. */
    Period period(LocalDate sendDay) {
        return new Period(previousSendDay(sendDay).atStartOfDay(zone).toInstant(),
                sendDay.atStartOfDay(zone).toInstant(), due(sendDay));
    }

    private Instant due(LocalDate sendDay) {
        // a send hour inside a DST gap moves forward by the gap
        return ZonedDateTime.of(sendDay.atTime(hour, 0), zone).toInstant();
    }

    private LocalDate sendDayOnOrBefore(LocalDate d) {
        return switch (every) {
            case "day" -> d;
            case "month" -> d.withDayOfMonth(1);
            default -> d.with(TemporalAdjusters.previousOrSame(day));
        };
    }

    private LocalDate previousSendDay(LocalDate sendDay) {
        return switch (every) {
            case "day" -> sendDay.minusDays(1);
            case "month" -> sendDay.minusMonths(1);
            default -> sendDay.minusWeeks(1);
        };
    }

    private LocalDate nextSendDay(LocalDate sendDay) {
        return switch (every) {
            case "day" -> sendDay.plusDays(1);
            case "month" -> sendDay.plusMonths(1);
            default -> sendDay.plusWeeks(1);
        };
    }
}
