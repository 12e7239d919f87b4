package dev.faultline.search;

import dev.faultline.index.IndexService;
import dev.faultline.model.CjkEmbedder;
import dev.faultline.model.Embedder;
import dev.faultline.record.RecordFilter;
import dev.faultline.record.RecordService;
import dev.faultline.record.RecordView;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Hybrid search: PostgreSQL full text (every term optional, shorthand expanded both ways) and transformer
 * vectors (HNSW), fused by reciprocal rank; plus "similar past records".
 */
@ApplicationScoped
public class SearchService {

    private static final Logger LOG = Logger.getLogger(SearchService.class);

    private final SearchRepository repository;
    private final RecordService records;
    private final Embedder embedder;
    private final CjkEmbedder cjk;
    private final IndexService index;
    private final SearchConfig config;
    private final Shorthand shorthand = Shorthand.load();
    private final ResultPage resultPage;
    private final Vocabulary vocabulary;
    private final KeywordList keywordList;
    private final CrossLanguage crossLanguage;
    private final Reranker reranker;
    /**
     * Runs the keyword query of a hybrid search beside the vector search (outside this thread's transaction);
     * bounded, so a burst of searches queues here instead of taking every database connection.
     */
    private final ExecutorService parallel = Executors.newFixedThreadPool(
            Math.max(2, 2 * Runtime.getRuntime().availableProcessors()), r -> {
                Thread t = new Thread(r, "search-keyword");
                t.setDaemon(true);
                return t;
            });

    private final Counter filteredVectorLists;
    private final Counter filteredGraphScans;
    private final Counter siteIndexSearches;
    private final QueryVectors queryVectors;

    SearchService(SearchRepository repository, RecordService records, Embedder embedder, CjkEmbedder cjk,
            IndexService index, SearchConfig config, MeterRegistry metrics, ResultPage resultPage,
            Vocabulary vocabulary, KeywordStatistics statistics, CrossLanguage crossLanguage, Reranker reranker) {
        this.repository = repository;
        this.reranker = reranker;
        this.crossLanguage = crossLanguage;
        this.cjk = cjk;
        this.resultPage = resultPage;
        this.vocabulary = vocabulary;
        this.records = records;
        this.embedder = embedder;
        this.index = index;
        this.config = config;
        this.keywordList = new KeywordList(repository, statistics, config, shorthand);
        this.filteredVectorLists = Counter.builder("faultline.search.filtered.vector")
                .description("Vector lists of filtered searches").register(metrics);
        this.filteredGraphScans = Counter.builder("faultline.search.filtered.graph.scans")
                .description("Filtered vector lists that needed a filtered scan of the graph (fewer than 20 of the"
                        + " faultline.search.filter-scan nearest passed the filter)")
                .register(metrics);
        this.queryVectors = new QueryVectors(config.queryVectorCache());
        FunctionCounter.builder("faultline.search.query.vectors", queryVectors, QueryVectors::hits).tag("result", "hit")
                .description("Questions whose embedding was remembered (faultline.search.query-vector-cache)")
                .register(metrics);
        FunctionCounter.builder("faultline.search.query.vectors", queryVectors, QueryVectors::misses)
                .tag("result", "miss").description("Questions embedded by the model").register(metrics);
        this.siteIndexSearches = Counter.builder("faultline.search.site.index")
                .description("Site-filtered searches answered from the site's own indexes"
                        + " (faultline.search.site-indexes.*)")
                .register(metrics);
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
            Fused f = fuse(q, queryVector, counted);
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
            Fused f = fuse(q, null, false);
            if (f.rerank() == null) {
                return List.of();
            }
            ResultPage.Results results = resultPage.results(q, f.scores());
            Map<Long, double[]> rows = reranker.features(f.rerank(), new ArrayList<>(results.groups().keySet()),
                    results.texts());
            Map<Long, RecordView> byId = new java.util.HashMap<>();
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

    /** The fused lists, the words searched for, and what the second stage needs (null unless hybrid with both lists). */
    private record Fused(LinkedHashMap<Long, Double> scores, String tsquery, RerankFeatures.Input rerank) {}

    private Fused fuse(SearchQuery q, float[] queryVector, boolean counted) throws SQLException {
        long started = System.nanoTime();
        Map<String, Set<String>> corrections = q.mode() == SearchQuery.Mode.semantic ? Map.of() : corrections(q.text());
        List<String> terms = shorthand.terms(q.text(), corrections);
        String tsquery = terms.isEmpty() ? null : String.join(" | ", terms);
        int candidates = Math.max(config.candidates(), q.offset() + q.limit());
        if (counted && repository.hasOwnIndexes(q.filter())) {
            siteIndexSearches.increment();
        }
        List<Fusion.Ranked> rankings = new ArrayList<>();
        // in hybrid mode the keyword query runs in PostgreSQL while this thread embeds the question and asks
        // for the nearest vectors: the two lists cost about the same, so a search takes the longer, not the sum
        CompletableFuture<KeywordList.Found> keyword = null;
        if (q.mode() != SearchQuery.Mode.semantic && tsquery != null) {
            keyword = q.mode() == SearchQuery.Mode.hybrid
                    ? CompletableFuture.supplyAsync(() -> keywordUnchecked(q, terms, tsquery, candidates, corrections),
                            parallel)
                    : CompletableFuture.completedFuture(keywordList.find(q, terms, tsquery, candidates, corrections));
        }
        // the question in the other language (English <-> Chinese), when the site holds records it would find
        CrossLanguage.Question other = crossLanguage.question(q.text());
        String translated = other == null ? null : other.text();
        CompletableFuture<KeywordList.Found> otherKeyword = translated == null || q.mode() == SearchQuery.Mode.semantic
                ? null : keywordOf(q.withText(translated), candidates);
        List<Long> semantic = null;
        List<Long> otherSemantic = null;
        long embedded = started;
        long searched = started;
        float[] vector = null;
        if (q.mode() != SearchQuery.Mode.keyword) {
            // the warm-up always runs the model: compiling that path is what it is for
            vector = queryVector != null ? queryVector
                    : counted ? queryVectors.get(q.text(), this::embedQuestion) : embedQuestion(q.text());
            embedded = System.nanoTime();
            // a question in Chinese, Japanese or Korean script is asked of the CJK model's vectors (a caller's
            // vector comes from the same model: modelFor)
            Embedder model = modelFor(q.text());
            SearchRepository.Near near = repository.semantic(vector, model.modelId(), vectorsOf(model), q.filter(),
                    candidates, filterScan(candidates), config.minSimilarity());
            semantic = near.ids();
            if (counted && near.filtered()) {
                filteredVectorLists.increment();
            }
            if (counted && near.graphScan()) {
                filteredGraphScans.increment();
            }
            if (other != null && other.toChinese() && model == embedder) {
                // the main model reads no Chinese: the CJK records come from the translation's vectors instead
                semantic = crossLanguage.withoutCjkRecords(semantic);
                if (translated != null && modelFor(translated) != embedder) {
                    otherSemantic = nearestOf(translated, q.filter(), candidates);
                }
            }
            searched = System.nanoTime();
        }
        KeywordList.Found keywordFound = keyword == null ? null : join(keyword);
        if (keywordFound != null) {
            rankings.add(keywordRanked(keywordFound, 1.0));
        }
        long joined = System.nanoTime();
        if (semantic != null) {
            rankings.add(Fusion.Ranked.of(semantic, config.semanticWeight(), 1));
        }
        if (otherKeyword != null) {
            rankings.add(keywordRanked(join(otherKeyword), config.crossLanguageWeight()));
        }
        if (otherSemantic != null) {
            rankings.add(Fusion.Ranked.of(otherSemantic, config.crossLanguageWeight() * config.semanticWeight(), 1));
        }
        LinkedHashMap<Long, Double> fused = Fusion.rrf(rankings, config.fusionK());
        if (LOG.isDebugEnabled()) {
            LOG.debugf("search %s: embed %d ms, vectors %d ms, keyword done %d ms later", q.mode(),
                    ms(started, embedded), ms(embedded, searched), ms(searched, joined));
        }
        RerankFeatures.Input rerank = keywordFound == null || semantic == null ? null
                : new RerankFeatures.Input(q.text(), shorthand.groups(q.text(), corrections),
                        tsquery, keywordFound.ranking(), keywordFound.ids(), keywordFound.strong(), semantic, vector,
                        modelFor(q.text()).modelId(), vectorsOf(modelFor(q.text())), fused, candidates);
        return new Fused(fused, tsquery, rerank);
    }

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
            Embedder model = modelFor(text);
            LinkedHashMap<Long, Double> near = repository.nearest(embedQuestion(text), model.modelId(), vectorsOf(model),
                    limit);
            List<SearchView.Hit> hits = new ArrayList<>();
            for (RecordView r : records.records(new ArrayList<>(near.keySet()))) {
                hits.add(new SearchView.Hit(r, ResultPage.round(near.get(r.id())), Snippets.html(r.text())));
            }
            return hits;
        } catch (SQLException e) {
            throw new IllegalStateException("finding the nearest records: " + e.getMessage(), e);
        }
    }

    @PreDestroy
    void close() {
        parallel.shutdownNow();
    }

    /** A keyword list for the fusion (kind 0: keyword lists); its records with only some words weigh less. */
    private Fusion.Ranked keywordRanked(KeywordList.Found found, double weight) {
        return new Fusion.Ranked(found.ids(), weight, 0, found.strong(), weight * config.weakKeywordWeight());
    }

    /** The keyword list of a translated question, in the background; null when none of its words is searchable. */
    private CompletableFuture<KeywordList.Found> keywordOf(SearchQuery translated, int candidates) {
        List<String> terms = shorthand.terms(translated.text());
        if (terms.isEmpty()) {
            return null;
        }
        String tsquery = String.join(" | ", terms);
        return CompletableFuture.supplyAsync(
                () -> keywordUnchecked(translated, terms, tsquery, candidates, Map.of()), parallel);
    }

    /** The vector list of a translated question, in the vectors of the model it is embedded with. */
    private List<Long> nearestOf(String translated, RecordFilter filter, int candidates) throws SQLException {
        Embedder model = modelFor(translated);
        float[] vector = queryVectors.get(translated, this::embedQuestion);
        return repository.semantic(vector, model.modelId(), vectorsOf(model), filter, candidates,
                filterScan(candidates), config.minSimilarity()).ids();
    }

    private KeywordList.Found keywordUnchecked(SearchQuery q, List<String> terms, String tsquery, int candidates,
            Map<String, Set<String>> corrections) {
        try {
            return keywordList.find(q, terms, tsquery, candidates, corrections);
        } catch (SQLException e) {
            throw new CompletionException(e);
        }
    }

    private static KeywordList.Found join(CompletableFuture<KeywordList.Found> future) throws SQLException {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw e;
        }
    }

    /** Spelling corrections for the query's words the dictionaries do not know (letters only, 4 or more). */
    private Map<String, Set<String>> corrections(String text) {
        List<String> unknown = Shorthand.words(text).stream()
                .filter(w -> w.length() >= 4 && w.chars().allMatch(Character::isLetter) && !shorthand.knows(w))
                .distinct().toList();
        return unknown.isEmpty() ? Map.of() : vocabulary.corrections(unknown);
    }

    private float[] embedQuestion(String text) {
        return modelFor(text).embed(List.of(text), Embedder.Role.QUERY).getFirst();
    }

    /**
     * The model a question is embedded with: the CJK model for a question written in CJK script (at least a fifth of
     * its letters; when the model is configured and loads), else the main.
     * A caller passing its own question vector to {@link #search(SearchQuery, float[])} makes it with this model.
     */
    public Embedder modelFor(String text) {
        return Cjk.written(text) ? cjk.get().orElse(embedder) : embedder;
    }

    private String vectorsOf(Embedder model) {
        return model == embedder ? SearchRepository.MAIN_VECTORS : SearchRepository.CJK_VECTORS;
    }

    /**
     * How many nearest vectors a filtered search asks for: filter-scan, in proportion for pages beyond the default
     * (the repository caps it at what pgvector allows).
     */
    private int filterScan(int candidates) {
        long scaled = (long) config.filterScan() * candidates / Math.max(1, config.candidates());
        return (int) Math.min(Integer.MAX_VALUE, Math.max(config.filterScan(), scaled));
    }

    private static long ms(long from, long to) {
        return Math.max(0, to - from) / 1_000_000;
    }
}
