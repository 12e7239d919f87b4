package dev.faultline.record;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A record's fault class: the label, its confidence, who set it ({@code model} or {@code engineer}), the model
 * version, when, and for a model's label its alternatives and the nearest labelled examples (evidence).
 */
public record FaultClassView(
        String label,
        Double confidence,
        String source,
        String model,
        OffsetDateTime classifiedAt,
        List<Alternative> alternatives,
        List<Evidence> evidence) {

    public record Alternative(String label, double confidence) {}

    /** A labelled example near this record: a record (a correction) or a training text. */
    public record Evidence(Long recordId, String text, String label, double similarity, String origin) {}

    /** The stored {@code fault_detail} column. */
    public record Detail(List<Alternative> alternatives, List<Evidence> evidence) {}
}
