package dev.faultline.predict;

import java.util.List;
import java.util.Map;

/**
 * The features of a failure-risk model from one snapshot of a machine's process readings (as in AI4I 2020): the
 * readings themselves, and three physical combinations that the failure modes are defined on: the temperature
 * difference (heat dissipation), mechanical power (torque × angular speed) and strain (tool wear × torque).
 * The failure flags of the data are what the model learns to predict; they are never features.
 */
public final class FailureFeatures {

    /** The readings a snapshot must have, by sensor name. */
    public static final List<String> SENSORS = List.of("quality_variant", "air_temperature", "process_temperature",
            "rotational_speed", "torque", "tool_wear");

    private FailureFeatures() {}

    public static List<String> names() {
        return List.of("quality variant", "air temperature", "process temperature", "rotational speed", "torque",
                "tool wear", "temperature difference", "power", "strain");
    }

    public static float[] of(Map<String, Double> reading) {
        double air = get(reading, "air_temperature");
        double process = get(reading, "process_temperature");
        double rpm = get(reading, "rotational_speed");
        double torque = get(reading, "torque");
        double wear = get(reading, "tool_wear");
        return new float[] {(float) get(reading, "quality_variant"), (float) air, (float) process, (float) rpm,
            (float) torque, (float) wear, (float) (process - air), (float) (torque * rpm * 2 * Math.PI / 60),
            (float) (wear * torque)};
    }

    private static double get(Map<String, Double> reading, String sensor) {
        Double v = reading.get(sensor);
        return v == null ? Double.NaN : v;
    }
}
