package dev.faultline.search;

import dev.faultline.index.IndexService;
import dev.faultline.model.Embedder;
import dev.faultline.record.RecordService;
import dev.faultline.record.RecordView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Hybrid search: the fused keyword and vector lists ({@link CandidateLists}), reordered by the second stage
 * ({@link Reranker}) and paged with facets ({@link ResultPage}); plus "similar past records" and the nearest records to
 * a text.
 */
@ApplicationScoped
public class SearchService {

    private static final Logger LOG = Logger.getLogger(SearchService.class);

    private final VectorRepository repository;
    private final RecordService records;
    private final Embedder embedder;
    private final IndexService index;
    private final ResultPage resultPage;
    private final Reranker reranker;
    private final CandidateLists lists;
    private final QuestionModels models;

    SearchService(VectorRepository repository, RecordService records, Embedder embedder, IndexService index,
            ResultPage resultPage, Reranker reranker, CandidateLists lists, QuestionModels models) {
        this.repository = repository;
        this.records = records;
        this.embedder = embedder;
        this.index = index;
        this.resultPage = resultPage;
        this.reranker = reranker;
        this.lists = lists;
        this.models = models;
    }

    @Transactional
    public SearchView search(SearchQuery q) {
        return search(q, null);
    }

    /** As {@link #search(SearchQuery)}, with the query's embedding when the caller already has it. */
    @Transactional
    public SearchView search(SearchQuery q, float[] queryVector) {
        return search(q, queryVector, true);
    }

    /** As {@link #search(SearchQuery)}, left out of the search metrics: the warm-up's searches. */
    @Transactional
    SearchView searchUncounted(SearchQuery q) {
        return search(q, null, false);
    }

    private SearchView search(SearchQuery q, float[] queryVector, boolean counted) {
        long started = System.nanoTime();
        try {
            CandidateLists.Fused f = lists.fuse(q, queryVector, counted);
            long fused = System.nanoTime();
            ResultPage.Reorder second = f.rerank() != null && q.rerank() && reranker.active()
                    ? (results, texts) -> reranker.order(f.rerank(), results, texts) : null;
            ResultPage.Page page = resultPage.of(q, f.scores(), f.tsquery(), second);
            SearchView view = new SearchView(page.hits(), page.total(), page.facets(), q.mode().name(),
                    embedder.modelId(), index.pending());
            if (LOG.isDebugEnabled()) {
                LOG.debugf("search %s: lists and fusion %d ms, rerank, page and facets %d ms; total %d ms", q.mode(),
                        ms(started, fused), ms(fused, System.nanoTime()), ms(started, System.nanoTime()));
            }
            return view;
        } catch (SQLException e) {
            throw new IllegalStateException("searching: " + e.getMessage(), e);
        }
    }

    /**
     * The second stage's features of a hybrid search's ({@code q} in hybrid mode) best results, as listed before it (near duplicates collapsed
     * unless the query says not to): what the reranker is trained on ({@code bench/rerank-train.sh}); empty when the
     * question has no searchable word.
     */
    @Transactional
    public List<RerankRow> rerankFeatures(SearchQuery q) {
        try {
            CandidateLists.Fused f = lists.fuse(q, null, false);
            if (f.rerank() == null) {
                return List.of();
            }
            ResultPage.Results results = resultPage.results(q, f.scores());
            Map<Long, double[]> rows = reranker.features(f.rerank(), new ArrayList<>(results.groups().keySet()),
                    results.texts());
            Map<Long, RecordView> byId = new HashMap<>();
            records.records(new ArrayList<>(rows.keySet())).forEach(r -> byId.put(r.id(), r));
            List<RerankRow> out = new ArrayList<>();
            rows.forEach((id, x) -> {
                if (byId.containsKey(id)) { // not deleted meanwhile
                    out.add(new RerankRow(byId.get(id), x));
                }
            });
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("computing reranking features: " + e.getMessage(), e);
        }
    }

    /** A candidate and its features ({@link RerankFeatures#NAMES}). */
    public record RerankRow(RecordView record, double[] features) {}

    /** The records most like this one (recurring problems), best first, with cosine similarity as the score. */
    @Transactional
    public List<SearchView.Hit> similar(long recordId, int limit) {
        records.record(recordId);
        try {
            LinkedHashMap<Long, Double> near = repository.similar(recordId, embedder.modelId(), limit);
            List<SearchView.Hit> hits = new ArrayList<>();
            for (RecordView r : records.records(new ArrayList<>(near.keySet()))) {
                hits.add(new SearchView.Hit(r, ResultPage.round(near.get(r.id())), Snippets.html(r.text())));
            }
            return hits;
        } catch (SQLException e) {
            throw new IllegalStateException("finding similar records: " + e.getMessage(), e);
        }
    }

    /**
     * The records whose meaning is nearest to a text (vectors only: no keyword list, facets or snippets), best first,
     * with cosine similarity as the score: what enrichment of a long ticket text needs, fast.
     */
    @Transactional // the graph's depth is set for the transaction
    public List<SearchView.Hit> nearest(String text, int limit) {
        try {
            Embedder model = models.modelFor(text);
            LinkedHashMap<Long, Double> near = repository.nearest(models.embed(text), model.modelId(),
                    models.vectorsOf(model), limit);
            List<SearchView.Hit> hits = new ArrayList<>();
            for (RecordView r : records.records(new ArrayList<>(near.keySet()))) {
                hits.add(new SearchView.Hit(r, ResultPage.round(near.get(r.id())), Snippets.html(r.text())));
            }
            return hits;
        } catch (SQLException e) {
            throw new IllegalStateException("finding the nearest records: " + e.getMessage(), e);
        }
    }

    /**
     * The model a question is embedded with: the CJK model for a question written in CJK script (at least a fifth of
     * its letters; when the model is configured and loads), else the main.
     * A caller passing its own question vector to {@link #search(SearchQuery, float[])} makes it with this model.
     */
    public Embedder modelFor(String text) {
        return models.modelFor(text);
    }

    static long ms(long from, long to) {
        return Math.max(0, to - from) / 1_000_000;
    }
}
