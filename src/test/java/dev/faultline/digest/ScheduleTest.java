package dev.faultline.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Digest periods are whole local days, so they stretch and shrink with daylight-saving changes. */
class ScheduleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void weekAcrossTheAutumnChangeIs169Hours() {
        Schedule monday7 = new Schedule("week", DayOfWeek.MONDAY, 7, BERLIN);
        Schedule.Period p = monday7.latest(Instant.parse("2026-10-26T08:00:00Z"));
        assertEquals(Instant.parse("2026-10-18T22:00:00Z"), p.start());
        assertEquals(Instant.parse("2026-10-25T23:00:00Z"), p.end());
        assertEquals(Instant.parse("2026-10-26T06:00:00Z"), p.due());
        assertEquals(Duration.ofHours(169), Duration.between(p.start(), p.end()));
    }

    @Test
    void beforeTheSendHourTheLatestPeriodIsTheOneBefore() {
        Schedule monday7 = new Schedule("week", DayOfWeek.MONDAY, 7, BERLIN);
        Schedule.Period p = monday7.latest(Instant.parse("2026-10-26T05:59:00Z"));
        assertEquals(Instant.parse("2026-10-11T22:00:00Z"), p.start());
        assertEquals(Instant.parse("2026-10-18T22:00:00Z"), p.end());
        assertEquals(Instant.parse("2026-10-26T06:00:00Z"), monday7.next(Instant.parse("2026-10-26T05:59:00Z")).due());
    }

    @Test
    void springDayIs23HoursAndASendHourInTheGapMovesForward() {
        Schedule daily2 = new Schedule("day", DayOfWeek.MONDAY, 2, BERLIN);
        Schedule.Period p = daily2.latest(Instant.parse("2026-03-30T12:00:00Z"));
        assertEquals(Duration.ofHours(23), Duration.between(p.start(), p.end()));
        assertEquals(Instant.parse("2026-03-28T23:00:00Z"), p.start());
        // 02:00 does not exist on 29 March in Berlin: the mail of that day is due at 03:00 CEST
        assertEquals(Instant.parse("2026-03-29T01:00:00Z"),
                daily2.latest(Instant.parse("2026-03-29T12:00:00Z")).due());
    }

    @Test
    void thePeriodBeforeAMonthIsTheCalendarMonthBeforeAndBeforeADayAsManyLocalDays() {
        Schedule monthly = new Schedule("month", DayOfWeek.MONDAY, 7, BERLIN);
        Schedule.Period march = monthly.latest(Instant.parse("2026-04-15T00:00:00Z"));
        assertEquals(Instant.parse("2026-01-31T23:00:00Z"), DigestBuilder.before(march, BERLIN), "1 February");
        Schedule.Period springDay = new Schedule("day", DayOfWeek.MONDAY, 2, BERLIN)
                .latest(Instant.parse("2026-03-30T12:00:00Z"));
        assertEquals(Instant.parse("2026-03-27T23:00:00Z"), DigestBuilder.before(springDay, BERLIN), "28 March");
    }

    @Test
    void monthIsTheCalendarMonthBefore() {
        Schedule monthly = new Schedule("month", DayOfWeek.MONDAY, 7, BERLIN);
        Schedule.Period p = monthly.latest(Instant.parse("2026-04-15T00:00:00Z"));
        assertEquals(Instant.parse("2026-02-28T23:00:00Z"), p.start());
        assertEquals(Instant.parse("2026-03-31T22:00:00Z"), p.end());
        assertEquals(Duration.ofHours(31 * 24 - 1), Duration.between(p.start(), p.end()));
    }
}
