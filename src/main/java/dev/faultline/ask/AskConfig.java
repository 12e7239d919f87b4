package dev.faultline.ask;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Answers from the records ({@code faultline.ask.*}). */
@ConfigMapping(prefix = "faultline.ask")
public interface AskConfig {

    /** Records retrieved (hybrid search, with the request's filters) and given to the generator. */
    @WithDefault("8")
    int topK();

    /**
     * Extractive mode: a question whose best sentence in the retrieved records is less similar than this (cosine
     * of the embeddings) is answered "the records do not say".
     */
    @WithDefault("0.35")
    double minRelevance();

    /** Sentences the extractive answer quotes. */
    @WithDefault("3")
    int sentences();

    /**
     * An LLM answer's sentence is shown only when it is at least this similar (cosine of the local embeddings) to a
     * sentence of a record it cites; below, it is left out with the reason.
     */
    @WithDefault("0.3")
    double minSupport();

    /** Longest question accepted, in characters. */
    @WithDefault("1000")
    int maxQuestion();
}
