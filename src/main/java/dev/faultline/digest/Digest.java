package dev.faultline.digest;

import java.util.List;

/**
 * What one digest says, ready for its mail templates: the period, the record count against the previous period,
 * the top failure modes and assets (as bars), recurring problems, assets at risk, notable records and the summary,
 * every link absolute; {@code prose} is the LLM server's rewording of the summary lines when one is configured
 * (the lines stay, as its sources); {@code language} ("en", "zh") the words around them. {@code count == 0}: the period had no records, and the mail says only that.
 */
public record Digest(String title, String period, String scope, long count, long previous, String change,
        List<Bar> failureModes, List<Bar> assets, List<Problem> recurring, List<Risk> atRisk, List<Link> notable,
        List<Problem> summary, String summaryNote, String prose, String appUrl, String trendsUrl, String unsubscribeUrl,
        String language) {

    /** One row of a bar chart drawn as a table: its share of the largest bar in percent (1-100). */
    public record Bar(String label, long count, int width, String url) {}

    /** A sentence of the summary or a recurring problem, with its records. */
    public record Problem(String text, int count, List<Link> records) {}

    /** An asset at risk by its latest prediction. */
    public record Risk(String asset, String headline, String reason, String url) {}

    public record Link(String label, String url) {}

    public boolean empty() {
        return count == 0;
    }
}
