package dev.faultline.sensor;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An asset's readings as a table for a model: one row per distinct reading time (a "step", one C-MAPSS cycle),
 * oldest first, one column per sensor asked for; NaN where a sensor has no reading at that time.
 */
public record History(List<String> sensors, List<OffsetDateTime> times, double[][] values) {

    public int steps() {
        return times.size();
    }

    public boolean isEmpty() {
        return times.isEmpty();
    }
}
