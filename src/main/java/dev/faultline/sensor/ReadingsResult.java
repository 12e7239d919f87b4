package dev.faultline.sensor;

/**
 * What a batch of readings changed: new readings, readings whose value changed, and readings sent again with the
 * value already stored (ingest is idempotent on asset, sensor and time).
 */
public record ReadingsResult(long inserted, long updated, long unchanged) {}
