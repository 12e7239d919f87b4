package dev.faultline.sensor;

/** What is known about a sensor: unit, description and normal range (each optional). */
public record SensorDescription(String unit, String description, Double normalMin, Double normalMax) {}
