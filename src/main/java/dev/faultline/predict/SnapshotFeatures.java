package dev.faultline.predict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The features of a failure-risk model: when the asset has the process readings of AI4I 2020, those readings and
 * their physical combinations ({@link FailureFeatures}); otherwise the latest value of each sensor.
 */
final class SnapshotFeatures {

    private SnapshotFeatures() {}

    static boolean physics(List<String> sensors) {
        return sensors.containsAll(FailureFeatures.SENSORS);
    }

    static List<String> names(List<String> sensors, boolean physics) {
        return physics ? FailureFeatures.names().stream().map(SnapshotFeatures::sensorName).toList()
                : new ArrayList<>(sensors);
    }

    static float[] of(List<String> sensors, boolean physics, Map<String, Double> snapshot) {
        if (physics) {
            return FailureFeatures.of(snapshot);
        }
        float[] f = new float[sensors.size()];
        for (int i = 0; i < f.length; i++) {
            Double v = snapshot.get(sensors.get(i));
            f[i] = v == null ? Float.NaN : v.floatValue();
        }
        return f;
    }

    /** FailureFeatures' plain names of single readings map back to the sensor names ("torque" stays "torque"). */
    private static String sensorName(String feature) {
        String asSensor = feature.replace(' ', '_');
        return FailureFeatures.SENSORS.contains(asSensor) ? asSensor : feature;
    }
}
