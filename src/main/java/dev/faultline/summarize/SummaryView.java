package dev.faultline.summarize;

import java.time.LocalDate;
import java.util.List;

/**
 * A summary: its lines (each a problem with how many records share it, which records, their dates and assets),
 * the whole text, who wrote it ({@code extractive} or the LLM server), a notice when the LLM failed, how many
 * records were read out of how many matched, and whether it came from the cache.
 */
public record SummaryView(String summary, List<Line> lines, String generator, String notice, int records,
        long matching, boolean cached) {

    public record Line(String text, int count, List<Long> recordIds, LocalDate from, LocalDate to,
            List<String> assets) {}

    SummaryView fromCache() {
        return new SummaryView(summary, lines, generator, notice, records, matching, true);
    }
}
