package dev.faultline.summarize;

import java.time.LocalDate;
import java.util.List;

/**
 * A summary: its lines (each a problem with how many records share it, which records, their dates and assets),
 * the whole text, who wrote it ({@code extractive} or the LLM server), a notice when the LLM failed, how many
 * records were read out of how many matched, and whether it came from the cache.
 */
public record SummaryView(String summary, List<Line> lines, String generator, String notice, int records,
        long matching, boolean cached, List<dev.faultline.predict.PredictionView> predictions) {

    public record Line(String text, int count, List<Long> recordIds, LocalDate from, LocalDate to,
            List<String> assets) {}

    SummaryView fromCache() {
        return new SummaryView(summary, lines, generator, notice, records, matching, true, List.of());
    }

    /**
     * With the summarized asset's current sensor-model predictions: evidence of another kind, shown apart from the
     * summary (never part of its text, and never cached with it: predictions change with every reading).
     */
    public SummaryView withPredictions(List<dev.faultline.predict.PredictionView> current) {
        return new SummaryView(summary, lines, generator, notice, records, matching, cached, current);
    }
}
