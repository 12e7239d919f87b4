package dev.faultline.imports;

/** What an import job's rows become. */
public enum ImportTarget {
    /** Maintenance records (CSV with a header and an optional column mapping, or JSON Lines). */
    records,
    /** Sensor readings (CSV or TSV, long or wide layout; see {@code dev.faultline.sensor.ReadingsFile}). */
    readings
}
