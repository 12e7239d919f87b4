package dev.faultline.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void readsOffsetLocalAndDateOnlyForms() {
        assertEquals(OffsetDateTime.parse("2024-03-01T08:15:00Z"),
                Timestamps.parse("2024-03-01T08:15:00Z", BERLIN).orElseThrow());
        assertEquals(OffsetDateTime.parse("2024-03-01T08:15:00+01:00"),
                Timestamps.parse(" 2024-03-01T08:15:00 ", BERLIN).orElseThrow());
        assertEquals(OffsetDateTime.parse("2024-07-01T00:00:00+02:00"),
                Timestamps.parse("2024-07-01", BERLIN).orElseThrow());
    }

    @Test
    void refusesWhatIsNotIso8601() {
        assertTrue(Timestamps.parse("01/03/2024", BERLIN).isEmpty());
        assertTrue(Timestamps.parse("2024-02-30", BERLIN).isEmpty());
        assertTrue(Timestamps.parse("", BERLIN).isEmpty());
    }
}
