package dev.faultline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds request bodies for tests. */
public final class Json {

    private Json() {}

    /** A valid record with a few fields set; callers override or remove entries. */
    public static Map<String, Object> record(String externalId, String text) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("source", "test-cmms");
        r.put("externalId", externalId);
        r.put("kind", "maintenance_log");
        r.put("asset", new LinkedHashMap<>(Map.of("id", "PUMP-7", "name", "Feed pump 7", "type", "pump",
                "site", "Plant A", "line", "L2")));
        r.put("occurredAt", "2024-03-01T08:15:00Z");
        r.put("author", "j.doe");
        r.put("text", text);
        r.put("fields", new LinkedHashMap<>(Map.of("problem", text, "action", "replaced seal")));
        r.put("language", "en");
        r.put("tags", List.of("leak"));
        return r;
    }

    @SafeVarargs
    public static Map<String, Object> batch(Map<String, Object>... records) {
        return Map.of("records", new ArrayList<>(List.of(records)));
    }
}
