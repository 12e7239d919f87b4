package dev.faultline.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Search ({@code faultline.search.*}). */
@ConfigMapping(prefix = "faultline.search")
public interface SearchConfig {

    /**
     * Vector candidates less similar than this (cosine, -1 to 1) to the query are left out, so a search does not
     * fill up with the nearest of unrelated records. 0 keeps all.
     */
    @WithDefault("0.2")
    double minSimilarity();

    /** Candidates taken from the keyword and from the vector list before fusing (and counted as the total). */
    @WithDefault("200")
    int candidates();
}
