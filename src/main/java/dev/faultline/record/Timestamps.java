package dev.faultline.record;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads the ISO-8601 forms that maintenance systems export: {@code 2024-03-01T08:15:00Z},
 * {@code 2024-03-01T08:15:00+01:00}, {@code 2024-03-01T08:15:00} and {@code 2024-03-01} (the last two in the
 * configured default zone).
 */
public final class Timestamps {

    private Timestamps() {}

    public static Optional<OffsetDateTime> parse(String value, ZoneId defaultZone) {
        String v = value.strip();
        try {
            return Optional.of(OffsetDateTime.parse(v));
        } catch (DateTimeParseException ignored) {
            // not with an offset: try the local forms
        }
        try {
            return Optional.of(LocalDateTime.parse(v).atZone(defaultZone).toOffsetDateTime());
        } catch (DateTimeParseException ignored) {
            // not a local date-time either
        }
        try {
            return Optional.of(LocalDate.parse(v).atStartOfDay(defaultZone).toOffsetDateTime());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
