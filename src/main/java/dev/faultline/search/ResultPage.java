package dev.faultline.search;

import dev.faultline.record.RecordService;
import dev.faultline.record.RecordView;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The stages of a search after fusion: sides and positions ({@link PositionOrder}), near duplicates collapsed
 * ({@link NearDuplicates}), a second stage when given (the reranker), the page asked for with its records, snippets
 * and duplicates, and the facets.
 */
@ApplicationScoped
class ResultPage {

    private final PageRepository repository;
    private final RecordService records;
    private final CandidateTexts candidateTexts;
    private final SearchConfig config;

    ResultPage(PageRepository repository, RecordService records, CandidateTexts candidateTexts, SearchConfig config) {
        this.repository = repository;
        this.records = records;
        this.candidateTexts = candidateTexts;
        this.config = config;
    }

    /** A page of results: its hits, how many results there are in all (as shown), and the facets of all. */
    record Page(List<SearchView.Hit> hits, long total, Map<String, Map<String, Long>> facets) {}

    /** The page of {@code fused} (ids by fused score, best first) that the query asks for. */
    Page of(SearchQuery q, LinkedHashMap<Long, Double> fused, String tsquery) throws SQLException {
        return of(q, fused, tsquery, null);
    }

    /**
     * A second stage over the results as listed (sides and positions first, near duplicates under the best): the
     * reranker. It returns the same ids, reordered.
     */
    interface Reorder {
        List<Long> order(List<Long> results, Map<Long, String> texts) throws SQLException;
    }

    /**
     * As {@link #of(SearchQuery, LinkedHashMap, String)}, the results reordered by {@code second} (null: none). A hit's
     * score stays its fused score.
     */
    Page of(SearchQuery q, LinkedHashMap<Long, Double> fused, String tsquery, Reorder second) throws SQLException {
        Results results = results(q, fused);
        LinkedHashMap<Long, List<Long>> groups = results.groups();
        List<Long> leaders = new ArrayList<>(groups.keySet());
        if (second != null) {
            leaders = second.order(leaders, results.texts());
        }
        List<Long> page = leaders.subList(Math.min(q.offset(), leaders.size()),
                Math.min(q.offset() + q.limit(), leaders.size()));
        Map<Long, String> snippets = repository.snippets(page, tsquery);
        List<Long> shown = new ArrayList<>(page);
        page.forEach(id -> shown.addAll(groups.get(id)));
        Map<Long, RecordView> byId = new HashMap<>();
        records.records(shown).forEach(r -> byId.put(r.id(), r));
        List<SearchView.Hit> hits = new ArrayList<>();
        for (Long id : page) {
            RecordView r = byId.get(id);
            if (r != null) {
                hits.add(new SearchView.Hit(r, round(fused.get(id)), Snippets.html(snippets.get(id)),
                        groups.get(id).stream().map(byId::get).filter(Objects::nonNull).toList()));
            }
        }
        return new Page(hits, leaders.size(), repository.facets(results.all()));
    }

    /**
     * The results before paging: every fused id (sides and positions first), the results as listed (each with the
     * near duplicates under it) and the texts read of the best candidates.
     */
    record Results(List<Long> all, LinkedHashMap<Long, List<Long>> groups, Map<Long, String> texts) {}

    Results results(SearchQuery q, LinkedHashMap<Long, Double> fused) throws SQLException {
        List<Long> all = new ArrayList<>(fused.keySet());
        // the best candidates' texts are read once for the stages after fusion
        Map<Long, String> texts = candidateTexts.texts(all.subList(0, Math.min(config.duplicateWindow(), all.size())));
        all = PositionOrder.order(q.text(), all, texts);
        return new Results(all, groups(q, all, texts), texts);
    }

    /** The fused ids grouped by {@link NearDuplicates} when the query collapses, else each on its own. */
    private LinkedHashMap<Long, List<Long>> groups(SearchQuery q, List<Long> fused, Map<Long, String> texts) {
        if (q.collapse() && config.duplicateSimilarity() <= 1) {
            return NearDuplicates.collapse(fused, texts, config.duplicateSimilarity());
        }
        LinkedHashMap<Long, List<Long>> alone = new LinkedHashMap<>();
        fused.forEach(id -> alone.put(id, List.of()));
        return alone;
    }

    static double round(double score) {
        return Math.round(score * 1e6) / 1e6;
    }
}
