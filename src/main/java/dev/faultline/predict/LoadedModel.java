package dev.faultline.predict;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stored model version ready to predict: its parts (XGBoost models: {@code model} for RUL, one per failure mode
 * for failure risk), the sensors it reads and its feature layout (as stored with the version).
 */
record LoadedModel(VersionView version, String kind, List<String> sensors, List<String> featureNames, int window,
        int cap, boolean physics, Map<String, byte[]> parts) {

    static LoadedModel of(VersionView v, String kind, JsonNode parts) {
        JsonNode f = v.features();
        Map<String, byte[]> decoded = new LinkedHashMap<>();
        parts.fields().forEachRemaining(e -> decoded.put(e.getKey(), Base64.getDecoder().decode(e.getValue().asText())));
        return new LoadedModel(v, kind, strings(f.get("sensors")), strings(f.get("names")), f.path("window").asInt(0),
                f.path("cap").asInt(0), f.path("physics").asBoolean(false), decoded);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Features of one snapshot of readings (failure risk), by the stored layout. */
    float[] snapshotFeatures(Map<String, Double> snapshot) {
        return SnapshotFeatures.of(sensors, physics, snapshot);
    }

    /**
     * The largest contributions of one row's features, summed per sensor the feature was computed from (a derived
     * feature of several sensors keeps its own name), largest magnitude first.
     */
    List<PredictionView.Contribution> top(float[] contributions, int n) {
        Map<String, double[]> bySensor = new LinkedHashMap<>();
        Map<String, String> strongest = new LinkedHashMap<>();
        Map<String, Double> strongestValue = new LinkedHashMap<>();
        for (int i = 0; i < featureNames.size(); i++) {
            String feature = featureNames.get(i);
            String sensor = sensorOf(feature);
            bySensor.computeIfAbsent(sensor, k -> new double[1])[0] += contributions[i];
            if (Math.abs(contributions[i]) > Math.abs(strongestValue.getOrDefault(sensor, 0.0))) {
                strongestValue.put(sensor, (double) contributions[i]);
                strongest.put(sensor, feature);
            }
        }
        return bySensor.entrySet().stream()
                .sorted((a, b) -> Double.compare(Math.abs(b.getValue()[0]), Math.abs(a.getValue()[0])))
                .limit(n)
                .map(e -> new PredictionView.Contribution(e.getKey(), strongest.getOrDefault(e.getKey(), e.getKey()),
                        Math.round(e.getValue()[0] * 1000) / 1000.0))
                .toList();
    }

    /** "s11 trend" → s11; "cycles run" and derived features stay as they are. */
    private String sensorOf(String feature) {
        for (String s : sensors) {
            if (feature.equals(s) || feature.startsWith(s + " ")) {
                return s;
            }
        }
        return feature;
    }
}
