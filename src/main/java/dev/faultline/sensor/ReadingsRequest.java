package dev.faultline.sensor;

import java.util.List;

/** Body of {@code POST /api/v1/sensor-readings}: {@code {"readings":[{asset, sensor, time, value}, ...]}}. */
public record ReadingsRequest(List<ReadingInput> readings) {}
