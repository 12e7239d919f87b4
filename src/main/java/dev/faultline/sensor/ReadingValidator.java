package dev.faultline.sensor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.error.FieldError;
import dev.faultline.error.InputText;
import dev.faultline.error.ProblemException;
import dev.faultline.record.RecordConfig;
import dev.faultline.record.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a batch of readings before anything is written, naming the item and field of every problem: a missing or
 * unknown field, a value that is not a finite number, a time that cannot be read or is absurd (before 1970, or
 * further ahead than {@code faultline.sensors.max-future}), the same asset, sensor and time twice, too many items.
 */
@ApplicationScoped
class ReadingValidator {

    private static final OffsetDateTime EPOCH = OffsetDateTime.parse("1970-01-01T00:00:00Z");

    private final SensorConfig config;
    private final RecordConfig records;

    ReadingValidator(SensorConfig config, RecordConfig records) {
        this.config = config;
        this.records = records;
    }

    List<Reading> check(ReadingsRequest request) {
        List<ReadingInput> items = request == null ? null : request.readings();
        if (items == null || items.isEmpty()) {
            throw ProblemException.invalid(List.of(FieldError.of("readings", "is required: a list of 1 to "
                    + config.maxBatch() + " readings")));
        }
        if (items.size() > config.maxBatch()) {
            throw ProblemException.invalid(List.of(FieldError.of("readings", "has " + items.size()
                    + " items; at most " + config.maxBatch() + " per request (faultline.sensors.max-batch)")));
        }
        List<FieldError> errors = new ArrayList<>();
        List<Reading> out = new ArrayList<>(items.size());
        Set<String> seen = new HashSet<>();
        OffsetDateTime latest = OffsetDateTime.now().plus(config.maxFuture());
        for (int i = 0; i < items.size() && errors.size() < 100; i++) {
            String at = "readings[" + i + "].";
            ReadingInput in = items.get(i);
            if (in == null) {
                errors.add(FieldError.of("readings[" + i + "]", "is null"));
                continue;
            }
            String asset = name(at + "asset", in.asset(), errors);
            String sensor = name(at + "sensor", in.sensor(), errors);
            OffsetDateTime time = time(at + "time", in.time(), latest, errors);
            Double value = value(at + "value", in.value(), errors);
            if (asset != null && sensor != null && time != null && value != null) {
                if (!seen.add(asset + "\u0000" + sensor + "\u0000" + time.toInstant())) {
                    errors.add(FieldError.of(at + "time", "repeats an earlier reading of " + asset + " / " + sensor
                            + " at " + time + " in this request"));
                }
                out.add(new Reading(asset, sensor, time, value));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return out;
    }

    private static String name(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(FieldError.of(field, "is required"));
            return null;
        }
        String v = value.strip();
        String problem = v.length() > 200 ? "is longer than 200 characters" : InputText.problem(v, false);
        if (problem != null) {
            errors.add(FieldError.of(field, problem));
            return null;
        }
        return v;
    }

    private OffsetDateTime time(String field, String value, OffsetDateTime latest, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(FieldError.of(field, "is required: an ISO-8601 date-time such as 2026-11-30T08:00:00Z"));
            return null;
        }
        OffsetDateTime t = Timestamps.parse(value, records.defaultZone()).orElse(null);
        if (t == null) {
            errors.add(FieldError.of(field, "'" + value + "' is not an ISO-8601 date-time"));
        } else if (t.isBefore(EPOCH) || t.isAfter(latest)) {
            errors.add(FieldError.of(field, "'" + value + "' is " + (t.isBefore(EPOCH) ? "before 1970"
                    : "further ahead than faultline.sensors.max-future allows")));
            return null;
        }
        return t;
    }

    private static Double value(String field, JsonNode value, List<FieldError> errors) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            errors.add(FieldError.of(field, "is required: a number"));
            return null;
        }
        if (!value.isNumber()) {
            errors.add(FieldError.of(field, (value.isTextual() ? "'" + value.asText() + "' is text" : "is not a number")
                    + "; send a finite number (NaN and Infinity are not readings)"));
            return null;
        }
        double v = value.doubleValue();
        if (!Double.isFinite(v)) {
            errors.add(FieldError.of(field, "is not a finite number"));
            return null;
        }
        return v;
    }
}
