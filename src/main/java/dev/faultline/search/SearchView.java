package dev.faultline.search;

import dev.faultline.record.RecordView;
import java.util.List;
import java.util.Map;

/**
 * A search answer: the page of hits (each the full record, its score and a highlighted snippet), how many
 * candidates matched, facet counts over them, the mode used, and how much of the archive the semantic half
 * could see ({@code pendingEmbeddings} records are not embedded yet).
 */
public record SearchView(
        List<Hit> items, long total, Map<String, Map<String, Long>> facets, String mode, String model,
        long pendingEmbeddings) {

    /**
     * One result. {@code snippet} is HTML-escaped text with {@code <mark>} around matched words; {@code duplicates}
     * the near-identical records collapsed under it, in rank order.
     */
    public record Hit(RecordView record, double score, String snippet, List<RecordView> duplicates) {

        public Hit(RecordView record, double score, String snippet) {
            this(record, score, snippet, List.of());
        }
    }
}
