package dev.faultline.digest;

import dev.faultline.classify.ClassifierService;
import dev.faultline.classify.Taxonomy;
import dev.faultline.error.FieldError;
import dev.faultline.error.ProblemException;
import dev.faultline.record.RecordConfig;
import dev.faultline.record.RecordKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Checks a subscription request; every invalid field is named in one 422, and nothing is written. */
@ApplicationScoped
class SubscriptionValidator {

    /** One address, no display name, no whitespace or control characters (nothing to inject into a header). */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}<>,;\"]{1,64}@[^@\\s\\p{Cntrl}<>,;\"]{1,255}");
    private static final int MAX_FILTER_VALUES = 50;
    private static final Set<String> LANGUAGES = Set.of("en", "zh");

    /** A checked request. */
    record Valid(String email, Schedule schedule, DigestFilters filters, String language) {}

    private final ClassifierService classifier;
    private final RecordConfig records;

    SubscriptionValidator(ClassifierService classifier, RecordConfig records) {
        this.classifier = classifier;
        this.records = records;
    }

    Valid check(SubscriptionRequest r) {
        if (r == null) {
            throw ProblemException.invalid(List.of(FieldError.of("email", "is required: the body is empty")));
        }
        List<FieldError> errors = new ArrayList<>();
        String email = r.email() == null ? "" : r.email().strip();
        if (!EMAIL.matcher(email).matches()) {
            errors.add(FieldError.of("email", email.isEmpty() ? "is required"
                    : "'" + r.email() + "' is not one email address such as maintenance-leads@plant.example"));
        }
        Schedule schedule = schedule(r.schedule() == null ? new SubscriptionRequest.ScheduleRequest(null, null, null,
                null) : r.schedule(), errors);
        DigestFilters filters = r.filters() == null ? DigestFilters.none() : r.filters();
        values("filters.sites", filters.sites(), null, errors);
        values("filters.assets", filters.assets(), null, errors);
        values("filters.assetTypes", filters.assetTypes(), null, errors);
        values("filters.kinds", filters.kinds(), Set.copyOf(List.of(RecordKind.codes().split(",\\s*"))), errors);
        values("filters.faultClasses", filters.faultClasses(), classifier.faultClasses(null).stream()
                .map(Taxonomy.FaultClass::label).collect(Collectors.toSet()), errors);
        String language = r.language() == null || r.language().isBlank() ? "en" : r.language().strip();
        if (!LANGUAGES.contains(language)) {
            errors.add(FieldError.of("language", "'" + r.language() + "': use en (English) or zh (Chinese)"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new Valid(email, schedule, new DigestFilters(strip(filters.sites()), strip(filters.assets()),
                strip(filters.assetTypes()), strip(filters.kinds()), strip(filters.faultClasses())), language);
    }

    private Schedule schedule(SubscriptionRequest.ScheduleRequest s, List<FieldError> errors) {
        String every = s.every() == null ? "week" : s.every().strip().toLowerCase(Locale.ROOT);
        if (!List.of("day", "week", "month").contains(every)) {
            errors.add(FieldError.of("schedule.every", "'" + s.every() + "': use day, week or month"));
        }
        DayOfWeek day = DayOfWeek.MONDAY;
        if (s.day() != null && !s.day().isBlank()) {
            try {
                day = DayOfWeek.valueOf(s.day().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of("schedule.day", "'" + s.day() + "': use MONDAY ... SUNDAY"));
            }
        }
        int hour = s.hour() == null ? 7 : s.hour();
        if (hour < 0 || hour > 23) {
            errors.add(FieldError.of("schedule.hour", "is " + hour + "; use 0 to 23"));
        }
        ZoneId zone = records.defaultZone();
        if (s.zone() != null && !s.zone().isBlank()) {
            try {
                zone = ZoneId.of(s.zone().strip());
            } catch (DateTimeException e) {
                errors.add(FieldError.of("schedule.zone", "'" + s.zone() + "' is not a time zone such as"
                        + " Europe/Berlin"));
            }
        }
        return new Schedule(every, day, hour, zone);
    }

    private static void values(String field, List<String> values, Set<String> allowed, List<FieldError> errors) {
        if (values.size() > MAX_FILTER_VALUES) {
            errors.add(FieldError.of(field, "has " + values.size() + " values; at most " + MAX_FILTER_VALUES));
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (v == null || v.isBlank() || v.length() > 200) {
                errors.add(FieldError.of(field + "[" + i + "]", "must be 1 to 200 characters"));
            } else if (allowed != null && !allowed.contains(v.strip())) {
                errors.add(FieldError.of(field + "[" + i + "]", "'" + v + "' is not one of " + allowed.stream()
                        .sorted().toList()));
            }
        }
    }

    private static List<String> strip(List<String> values) {
        return values.stream().map(String::strip).distinct().toList();
    }
}
