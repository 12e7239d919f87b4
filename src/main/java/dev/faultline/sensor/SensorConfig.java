package dev.faultline.sensor;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Sensor readings ({@code faultline.sensors.*}). */
@ConfigMapping(prefix = "faultline.sensors")
public interface SensorConfig {

    /** Most readings one {@code POST /api/v1/sensor-readings} may carry (422 beyond; send more requests). */
    @WithDefault("50000")
    int maxBatch();

    /**
     * Readings (and their rollups) older than this are deleted, once an hour; unset keeps everything. Deleting by
     * time across all sensors reads the BRIN index on time.
     */
    Optional<Duration> retention();

    /** Points a chart asks for when it does not say ({@code points}). */
    @WithDefault("800")
    int defaultPoints();

    /** Most points one chart query may ask for. */
    @WithDefault("5000")
    int maxPoints();

    /** Readings dated further ahead than this are refused (a clock off by years, a unit mix-up). */
    @WithDefault("1d")
    Duration maxFuture();
}
