package dev.faultline.sensor;

/**
 * One reading as sent: the asset's id, the sensor's name on that asset, when (ISO-8601), and the value. {@code
 * value} is read as JSON first ({@link ReadingsRequest}) so that a string, NaN or Infinity can be named as the
 * problem instead of failing the whole body.
 */
public record ReadingInput(String asset, String sensor, String time, @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = Double.class,
                description = "a finite number") com.fasterxml.jackson.databind.JsonNode value) {}
