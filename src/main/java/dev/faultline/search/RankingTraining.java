package dev.faultline.search;

import de.bwaldvogel.liblinear.Model;
import dev.faultline.audit.AuditService;
import dev.faultline.feedback.FeedbackService;
import dev.faultline.record.RecordFilter;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Trains the search ranking's second stage on this plant's own feedback (thumbs on search results): each judged
 * search is searched again, its judged results' features read ({@link SearchService#rerankFeatures}), and a pairwise
 * model trained ({@link PairwiseRanking}). The model is used only when, scored by a cross-validation over the judged
 * searches, it orders their results better than both the configured model and the order before the second stage.
 */
@ApplicationScoped
public class RankingTraining {

    private static final Logger LOG = Logger.getLogger(RankingTraining.class);
    /** The regularisation values tried; the best by the cross-validation is kept. */
    private static final double[] C = {0.01, 0.1, 1, 10};
    private static final int FOLDS = 5;
    private static final long SEED = 20261208L;

    private final FeedbackService feedback;
    private final SearchService search;
    private final Reranker reranker;
    private final RankingModels models;
    private final AuditService audit;
    private final SearchConfig.RerankConfig config;
    /** The id of the trained model in use here (null: the configured model). */
    private Long loaded;

    RankingTraining(FeedbackService feedback, SearchService search, Reranker reranker, RankingModels models,
            AuditService audit, SearchConfig config) {
        this.feedback = feedback;
        this.search = search;
        this.reranker = reranker;
        this.models = models;
        this.audit = audit;
        this.config = config.rerank();
    }

    /** At start: the model trained on feedback, when one is in use. */
    void onStart(@Observes StartupEvent event) {
        refresh();
    }

    /**
     * The model in use as the database says: another instance of the app may have trained one, or gone back to the
     * configured model, since.
     */
    @Scheduled(every = "60s", delayed = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void refresh() {
        Long id = models.inUse().map(RankingView.Training::id).orElse(null);
        if (!Objects.equals(id, loaded)) {
            reranker.use(id == null ? null : models.inUseModel().map(RankingTraining::read).orElse(null));
            loaded = id;
        }
    }

    public RankingView view() {
        RankingView.Training inUse = models.inUse().orElse(null);
        String model = !reranker.enabled() ? "none"
                : inUse != null ? "trained" : reranker.shipped() != null ? "configured" : "none";
        return new RankingView(reranker.enabled(), model, inUse, models.latest().orElse(null),
                judged().values().stream().filter(RankingTraining::hasBoth).count(), config.minSearches());
    }

    /**
     * Trains on the feedback; uses the model when it is better (see the class comment). One training at a time: a
     * second waits for the first.
     */
    public synchronized RankingView.Outcome train(String actor) {
        List<PairwiseRanking.Judged> searches = new ArrayList<>();
        judged().forEach((query, judgements) -> {
            if (hasBoth(judgements)) {
                PairwiseRanking.Judged j = features(query, judgements);
                if (j.hasPairs()) {
                    searches.add(j);
                }
            }
        });
        if (searches.size() < config.minSearches()) {
            return new RankingView.Outcome("too-few", "Training needs " + config.minSearches() + " judged searches with"
                    + " a useful and a not-useful result among their best " + reranker.candidates() + "; there are "
                    + searches.size() + ". Nothing was trained.", null);
        }
        double bestC = C[0];
        double best = -1;
        for (double c : C) {
            double accuracy = PairwiseRanking.crossValidated(searches, c, FOLDS, SEED);
            if (accuracy > best) {
                best = accuracy;
                bestC = c;
            }
        }
        Model model = PairwiseRanking.train(searches, bestC, SEED);
        double listed = PairwiseRanking.pairAccuracy(null, searches);
        Double shipped = reranker.shipped() == null ? null : PairwiseRanking.pairAccuracy(reranker.shipped(), searches);
        boolean adopted = best > listed && (shipped == null || best > shipped);
        int pairs = searches.stream().mapToInt(PairwiseRanking.Judged::pairs).sum();
        RankingView.Training saved = models.save(actor, new RankingView.Training(0, null, actor, searches.size(), pairs,
                listed, shipped, best, adopted, adopted), bestC, write(model));
        if (adopted) {
            reranker.use(model);
            loaded = saved.id();
        }
        audit.record(actor, "search.ranking.trained", "search_ranking_model", String.valueOf(saved.id()),
                Map.of("searches", searches.size(), "pairs", pairs, "trainedAccuracy", round(best),
                        "listedAccuracy", round(listed), "shippedAccuracy", shipped == null ? "none" : round(shipped),
                        "adopted", adopted));
        LOG.infof("search ranking trained on %d judged searches: %.3f of pairs in order (listed %.3f, configured %s):"
                + " %s", searches.size(), best, listed, shipped, adopted ? "in use" : "not used");
        return new RankingView.Outcome(adopted ? "adopted" : "not-better", adopted
                ? "The model trained on your feedback ranks searches from now on."
                : "The model trained on your feedback orders the judged results no better than the shipped model or"
                        + " the order before it: it is kept for the record, not used, and the model in use stays.",
                saved);
    }

    /** Back to the configured model. */
    public RankingView useConfigured(String actor) {
        Optional<Long> retired;
        synchronized (this) {
            retired = models.retire();
            reranker.use(null);
            loaded = null;
        }
        retired.ifPresent(id -> audit.record(actor, "search.ranking.reset", "search_ranking_model", String.valueOf(id),
                Map.of()));
        return view();
    }

    /** Judged results by query (most recently judged queries first, at most max-searches). */
    private Map<String, List<FeedbackService.Judgement>> judged() {
        Map<String, List<FeedbackService.Judgement>> out = new LinkedHashMap<>();
        feedback.searchJudgements(config.maxSearches())
                .forEach(j -> out.computeIfAbsent(j.query(), q -> new ArrayList<>()).add(j));
        return out;
    }

    private static boolean hasBoth(List<FeedbackService.Judgement> judgements) {
        return judgements.stream().anyMatch(FeedbackService.Judgement::useful)
                && judgements.stream().anyMatch(j -> !j.useful());
    }

    /** The search as a hybrid search over everything now, and its judged results among the best, as listed. */
    private PairwiseRanking.Judged features(String query, List<FeedbackService.Judgement> judgements) {
        Map<Long, Boolean> useful = new LinkedHashMap<>();
        judgements.forEach(j -> useful.put(j.recordId(), j.useful()));
        List<PairwiseRanking.Row> rows = new ArrayList<>();
        for (SearchService.RerankRow r : search.rerankFeatures(
                new SearchQuery(query, SearchQuery.Mode.hybrid, RecordFilter.none(), 20, 0))) {
            if (useful.containsKey(r.record().id())) {
                rows.add(new PairwiseRanking.Row(useful.get(r.record().id()), r.features()));
            }
        }
        return new PairwiseRanking.Judged(query, rows);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static String write(Model model) {
        try (StringWriter out = new StringWriter()) {
            model.save(out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stored model; null (logged) when it does not fit the app's features any more. */
    private static Model read(String text) {
        try {
            Model m = Model.load(new StringReader(text));
            if (m.getNrFeature() == RerankFeatures.NAMES.size()) {
                return m;
            }
            LOG.warnf("the ranking model trained on feedback has %d features, the app computes %d: the configured"
                    + " model ranks until it is trained again", m.getNrFeature(), RerankFeatures.NAMES.size());
        } catch (IOException | RuntimeException e) {
            LOG.warnf("the ranking model trained on feedback could not be read (%s): the configured model ranks",
                    e.getMessage());
        }
        return null;
    }
}
