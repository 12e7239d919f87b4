package dev.faultline.classify.head;

/**
 * A training example: its text, label and embedding; {@code recordId} when it is an engineer's correction of a
 * record, {@code origin} says where it came from (shown as evidence).
 */
public record LabelledText(String text, String label, float[] vector, Long recordId, String origin) {}
