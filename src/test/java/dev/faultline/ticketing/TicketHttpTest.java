package dev.faultline.ticketing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/** Retry-After comes as seconds or as an HTTP date; either way the person is told how long to wait. */
class TicketHttpTest {

    @Test
    void readsSecondsAndDatesAndFallsBackOnNonsense() {
        assertEquals(30, TicketHttp.retryAfter("30"));
        String inTwoMinutes = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(120)
                .format(DateTimeFormatter.RFC_1123_DATE_TIME);
        long wait = TicketHttp.retryAfter(inTwoMinutes);
        assertTrue(wait > 100 && wait <= 120, "waits " + wait);
        assertEquals(60, TicketHttp.retryAfter("soon"));
        assertEquals(60, TicketHttp.retryAfter(null));
    }
}
