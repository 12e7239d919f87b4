package dev.faultline.search;

import dev.faultline.model.Embedder;
import dev.faultline.record.RecordFilter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
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
 * The first stage of a search: the keyword list (PostgreSQL full text, every term optional, shorthand expanded both
 * ways, misspellings corrected) and the vector list (HNSW), each also for the question translated into the other
 * language, fused by reciprocal rank.
 */
@ApplicationScoped
class CandidateLists {

    private static final Logger LOG = Logger.getLogger(CandidateLists.class);

    private final KeywordRepository repository;
    private final VectorRepository vectors;
    private final SearchConfig config;
    private final Shorthand shorthand = Shorthand.load();
    private final Vocabulary vocabulary;
    private final KeywordList keywordList;
    private final CrossLanguage crossLanguage;
    private final QuestionModels models;
    /**
     * Runs the keyword query of a hybrid search beside the vector search (outside the caller's transaction);
     * bounded, so a burst of searches queues here instead of taking every database connection.
     */
    private final ExecutorService parallel = Executors.newFixedThreadPool(
            Math.max(2, 2 * Runtime.getRuntime().availableProcessors()), r -> {
                Thread t = new Thread(r, "search-keyword");
                t.setDaemon(true);
                return t;
            });
    private final CandidateMetrics metrics;

    CandidateLists(KeywordRepository repository, VectorRepository vectors, SearchConfig config, Vocabulary vocabulary,
            KeywordStatistics statistics, CrossLanguage crossLanguage, QuestionModels models, MeterRegistry registry) {
        this.repository = repository;
        this.vectors = vectors;
        this.config = config;
        this.vocabulary = vocabulary;
        this.crossLanguage = crossLanguage;
        this.models = models;
        this.keywordList = new KeywordList(repository, statistics, config, shorthand);
        this.metrics = new CandidateMetrics(registry);
    }

    /** The fused lists, the words searched for, and what the second stage needs (null unless hybrid with both lists). */
    record Fused(LinkedHashMap<Long, Double> scores, String tsquery, RerankFeatures.Input rerank) {}

    /**
     * The fused candidates of a search; {@code queryVector} when the caller has the question's embedding already,
     * {@code counted} false for the warm-up (left out of the metrics, and the model always runs).
     */
    Fused fuse(SearchQuery q, float[] queryVector, boolean counted) throws SQLException {
        long started = System.nanoTime();
        Map<String, Set<String>> corrections = q.mode() == SearchQuery.Mode.semantic ? Map.of()
                : vocabulary.correctionsOf(q.text(), shorthand);
        List<String> terms = shorthand.terms(q.text(), corrections);
        String tsquery = terms.isEmpty() ? null : String.join(" | ", terms);
        int candidates = Math.max(config.candidates(), q.offset() + q.limit());
        if (counted && repository.hasOwnIndexes(q.filter())) {
            metrics.siteIndexSearches.increment();
        }
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
        Embedder model = null;
        if (q.mode() != SearchQuery.Mode.keyword) {
            model = models.modelFor(q.text());
            vector = queryVector != null ? queryVector
                    : counted ? models.remembered(q.text()) : models.embed(q.text());
            embedded = System.nanoTime();
            // a question in Chinese, Japanese or Korean script is asked of the CJK model's vectors (a caller's
            // vector comes from the same model: QuestionModels.modelFor)
            VectorRepository.Near near = vectors.semantic(vector, model.modelId(), models.vectorsOf(model),
                    q.filter(), candidates, filterScan(candidates), config.minSimilarity());
            semantic = near.ids();
            metrics.countVectorList(near, counted);
            if (other != null && other.toChinese() && models.isMain(model)) {
                // the main model reads no Chinese: the CJK records come from the translation's vectors instead
                semantic = crossLanguage.withoutCjkRecords(semantic);
                if (!models.isMain(models.modelFor(translated))) {
                    otherSemantic = nearestOf(translated, q.filter(), candidates);
                }
            }
            searched = System.nanoTime();
        }
        List<Fusion.Ranked> rankings = new ArrayList<>();
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
                    SearchService.ms(started, embedded), SearchService.ms(embedded, searched),
                    SearchService.ms(searched, joined));
        }
        RerankFeatures.Input rerank = keywordFound == null || semantic == null ? null
                : new RerankFeatures.Input(q.text(), shorthand.groups(q.text(), corrections),
                        tsquery, keywordFound.ranking(), keywordFound.ids(), keywordFound.strong(), semantic, vector,
                        model.modelId(), models.vectorsOf(model), fused, candidates);
        return new Fused(fused, tsquery, rerank);
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
        Embedder model = models.modelFor(translated);
        return vectors.semantic(models.remembered(translated), model.modelId(), models.vectorsOf(model), filter,
                candidates, filterScan(candidates), config.minSimilarity()).ids();
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

    /**
     * How many nearest vectors a filtered search asks for: filter-scan, in proportion for pages beyond the default
     * (the repository caps it at what pgvector allows).
     */
    private int filterScan(int candidates) {
        long scaled = (long) config.filterScan() * candidates / Math.max(1, config.candidates());
        return (int) Math.min(Integer.MAX_VALUE, Math.max(config.filterScan(), scaled));
    }
}
