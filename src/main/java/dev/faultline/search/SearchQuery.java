package dev.faultline.search;

import dev.faultline.record.RecordFilter;

/** A checked search request. */
public record SearchQuery(String text, Mode mode, RecordFilter filter, int limit, int offset) {

    /** keyword: full text only; semantic: vectors only; hybrid: both, fused by reciprocal rank. */
    public enum Mode {
        hybrid,
        semantic,
        keyword
    }
}
