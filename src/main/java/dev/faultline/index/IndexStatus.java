package dev.faultline.index;

/** {@code GET /api/v1/index/status}: records waiting, records embedded with the current model, and the model. */
public record IndexStatus(long pending, long indexed, String model, String provider) {}
