package dev.faultline.sensor;

import java.time.OffsetDateTime;

/** A checked reading, ready to store. */
public record Reading(String asset, String sensor, OffsetDateTime time, double value) {}
