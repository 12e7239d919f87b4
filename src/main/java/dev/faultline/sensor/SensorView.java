package dev.faultline.sensor;

/** A sensor of an asset: its name there, unit, description and normal range (any may be unknown). */
public record SensorView(String asset, String name, String unit, String description, Double normalMin,
        Double normalMax) {}
