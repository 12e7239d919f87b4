package dev.faultline.ask;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An answer: its text with numbered citations [n], the citations (each a retrieved record), which generator
 * wrote it ({@code extractive} or {@code openai-compatible:<model>}), a notice when the LLM's answer was replaced
 * by the extractive one (time-out, server error, citations that do not check out), and every retrieved record.
 */
public record AskView(String answer, List<Citation> citations, String generator, String notice,
        List<Retrieved> retrieved, List<Prediction> predictions) {

    /**
     * Evidence of another kind, shown apart from the records: a sensor model's latest prediction for an asset of
     * the retrieved records ("predicted RUL 23 cycles (model rul-fd001 v3, readings up to 2026-12-01)"). A
     * prediction, never an observed fact; the answer text never states it.
     */
    public record Prediction(String asset, String model, int version, String kind, String text, boolean atRisk,
            String reason) {}

    AskView withPredictions(List<Prediction> found) {
        return new AskView(answer, citations, generator, notice, retrieved, found);
    }

    /** {@code n} is the number used in the answer text. */
    public record Citation(int n, long recordId, String snippet) {}

    /**
     * A record the answer could draw on, numbered as the generator saw it; {@code action} is what was done (the
     * record's action / corrective action / resolution field), when it has one.
     */
    public record Retrieved(int n, long recordId, String title, String text, String asset, OffsetDateTime occurredAt,
            String snippet, double score, String action) {}
}
