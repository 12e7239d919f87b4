package dev.faultline.record;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a record is. The JSON and database names are the lower-case {@link #code()}s. */
public enum RecordKind {
    MAINTENANCE_LOG("maintenance_log", "Maintenance log"),
    WORK_ORDER("work_order", "Work order"),
    INSPECTION_NOTE("inspection_note", "Inspection note"),
    QUALITY_REPORT("quality_report", "Quality report"),
    /** Accident and incident narratives, near misses: classified by failure mode, like maintenance records. */
    INCIDENT_REPORT("incident_report", "Incident report");

    private final String code;
    private final String label;

    RecordKind(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<RecordKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }

    /** The accepted codes, for error messages: {@code maintenance_log, work_order, ...}. */
    public static String codes() {
        return Arrays.stream(values()).map(RecordKind::code).collect(Collectors.joining(", "));
    }
}
