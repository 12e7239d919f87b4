package dev.faultline.summarize;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Summaries of records, assets and periods ({@code faultline.summaries.*}). */
@ConfigMapping(prefix = "faultline.summaries")
public interface SummaryConfig {

    /** Most records one summary reads (the newest, for a filter); the answer says when there were more. */
    @WithDefault("300")
    int maxRecords();

    /** Lines in a summary of several records. */
    @WithDefault("5")
    int lines();

    /** Lines in the summary of one long record. */
    @WithDefault("3")
    int recordLines();

    /** Sentences at least this similar (cosine) count as the same problem and are grouped ("12 ×"). */
    @WithDefault("0.85")
    double sameProblem();

    /** A record's text longer than this (characters) gets a summary on its page. */
    @WithDefault("600")
    int longText();
}
