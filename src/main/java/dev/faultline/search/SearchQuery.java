package dev.faultline.search;

import dev.faultline.record.RecordFilter;

/**
 * A checked search request. {@code collapse}: near-identical records are shown under the best-ranked one
 * ({@link NearDuplicates}) instead of each taking a place of its own.
 */
public record SearchQuery(String text, Mode mode, RecordFilter filter, int limit, int offset, boolean collapse,
        boolean rerank) {

    /** A search with near duplicates collapsed and, in hybrid mode, the second stage ({@link Reranker}). */
    public SearchQuery(String text, Mode mode, RecordFilter filter, int limit, int offset) {
        this(text, mode, filter, limit, offset, true, true);
    }

    /**
     * The same search without the second stage: Ask's citations (the reranker was trained on search queries; on Ask's
     * held-out questions it cited fewer relevant records, BENCHMARKS.md "Reranker").
     */
    public SearchQuery withoutRerank() {
        return new SearchQuery(text, mode, filter, limit, offset, collapse, false);
    }

    /** The same search for another question (the question translated: {@link CrossLanguage}). */
    public SearchQuery withText(String text) {
        return new SearchQuery(text, mode, filter, limit, offset, collapse, rerank);
    }

    public SearchQuery withCollapse(boolean collapse) {
        return new SearchQuery(text, mode, filter, limit, offset, collapse, rerank);
    }

    /** keyword: full text only; semantic: vectors only; hybrid: both, fused by reciprocal rank. */
    public enum Mode {
        hybrid,
        semantic,
        keyword
    }
}
