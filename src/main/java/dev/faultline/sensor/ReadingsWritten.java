package dev.faultline.sensor;

import java.util.Set;

/**
 * Fired (synchronously, in the writing transaction) after readings of these assets were written, so that other
 * features can react in the same transaction: predictions queue the assets for a new prediction.
 */
public record ReadingsWritten(Set<String> assets) {}
