package dev.faultline.search;

import dev.faultline.record.RecordFilter;

/**
 * A checked search request. {@code collapse}: near-identical records are shown under the best-ranked one
 * ({@link NearDuplicates}) instead of each taking a place of its own.
 */
public record SearchQuery(String text, Mode mode, RecordFilter filter, int limit, int offset, boolean collapse) {

    /** A search with near duplicates collapsed. */
    public SearchQuery(String text, Mode mode, RecordFilter filter, int limit, int offset) {
        this(text, mode, filter, limit, offset, true);
    }

    /** The same search for another question (the question translated: {@link CrossLanguage}). */
    public SearchQuery withText(String text) {
        return new SearchQuery(text, mode, filter, limit, offset, collapse);
    }

    public SearchQuery withMode(Mode mode) {
        return new SearchQuery(text, mode, filter, limit, offset, collapse);
    }

    public SearchQuery withCollapse(boolean collapse) {
        return new SearchQuery(text, mode, filter, limit, offset, collapse);
    }

    /** keyword: full text only; semantic: vectors only; hybrid: both, fused by reciprocal rank. */
    public enum Mode {
        hybrid,
        semantic,
        keyword
    }
}
