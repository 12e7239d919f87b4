package dev.faultline.classify.head;

import java.util.List;

/**
 * A classification: the label (or {@link #UNKNOWN} when the best guess is below the confidence floor), the
 * alternatives by confidence, and the nearest labelled examples that support it.
 */
public record Prediction(String label, double confidence, List<Alternative> alternatives, List<Evidence> evidence) {

    /** The explicit "not sure" answer: never a forced guess. */
    public static final String UNKNOWN = "Unknown";

    public record Alternative(String label, double confidence) {}

    /** A labelled neighbour: its record id when it is a record (a correction), else null. */
    public record Evidence(Long recordId, String text, String label, double similarity, String origin) {}

    /** The best guess even when it was not confident enough to be the label. */
    public String top() {
        return alternatives.getFirst().label();
    }
}
