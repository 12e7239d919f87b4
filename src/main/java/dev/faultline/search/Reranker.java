package dev.faultline.search;

import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The second stage of hybrid search: a linear model (LIBLINEAR, trained pairwise on judged searches by
 * {@code bench/rerank-train.sh}, or on this plant's feedback by {@link RankingTraining}) scores the best results, as
 * listed after sides and positions and with near duplicates under the best of each (what a user sees and the
 * evaluation counts), by {@link RerankFeatures} and reorders them.
 */
@ApplicationScoped
class Reranker {

    private static final Logger LOG = Logger.getLogger(Reranker.class);

    private final int candidates;
    private final RerankFeatures features;
    private final CandidateTexts candidateTexts;
    private final boolean enabled;
    /** The model configured ({@code faultline.search.rerank.model}); null when it is missing or unreadable. */
    private final Model shipped;
    /** The model in use: the configured one, or one trained on this plant's feedback ({@link RankingTraining}). */
    private volatile Model model;

    @jakarta.inject.Inject
    Reranker(SearchConfig config, RerankSignals signals, KeywordStatistics statistics, CandidateTexts texts) {
        this(config.rerank().enabled(), load(config.rerank().model()), config.rerank().candidates(),
                new RerankFeatures(signals, statistics), texts);
    }

    /** A reranker with this model (null: none) over the best {@code candidates}. */
    Reranker(Model model, int candidates, RerankFeatures features, CandidateTexts texts) {
        this(true, model, candidates, features, texts);
    }

    private Reranker(boolean enabled, Model shipped, int candidates, RerankFeatures features, CandidateTexts texts) {
        this.enabled = enabled;
        this.shipped = shipped;
        this.model = enabled ? shipped : null;
        this.candidates = Math.max(1, candidates);
        this.features = features;
        this.candidateTexts = texts;
    }

    /** Whether hybrid searches are reranked (enabled, and a model loaded). */
    boolean active() {
        return model != null;
    }

    /** Whether the stage is turned on ({@code faultline.search.rerank.enabled}). */
    boolean enabled() {
        return enabled;
    }

    /** The configured model, null when there is none (it never saw this plant's feedback). */
    Model shipped() {
        return shipped;
    }

    /** Reranks with this model from now on (null: the configured one); nothing while the stage is turned off. */
    void use(Model trained) {
        if (enabled) {
            model = trained == null ? shipped : trained;
        }
    }

    /** How many of the best results are reranked (and have features for training). */
    int candidates() {
        return candidates;
    }

    /**
     * The features of the best {@link #candidates()} results as listed (after sides and positions and near duplicates),
     * in that order: what the model is trained on.
     */
    Map<Long, double[]> features(RerankFeatures.Input in, List<Long> results, Map<Long, String> texts)
            throws SQLException {
        List<Long> best = results.subList(0, Math.min(candidates, results.size()));
        Map<Long, String> all = new HashMap<>(texts);
        all.putAll(candidateTexts.texts(best.stream().filter(id -> !texts.containsKey(id)).toList()));
        return features.of(in, best, all);
    }

    /** The results with the best {@link #candidates()} in the model's order; the rest as they were. */
    List<Long> order(RerankFeatures.Input in, List<Long> results, Map<Long, String> texts) throws SQLException {
        Model m = model;
        if (m == null || results.size() < 2) {
            return results;
        }
        Map<Long, double[]> rows = features(in, results, texts);
        Map<Long, Double> value = new HashMap<>();
        double sign = m.getLabels()[0] == 1 ? 1 : -1; // LIBLINEAR's decision value is for its first label
        double[] out = new double[1];
        rows.forEach((id, x) -> {
            Linear.predictValues(m, PairwiseRanking.nodes(x), out);
            value.put(id, sign * out[0]);
        });
        List<Long> order = new ArrayList<>(rows.keySet());
        order.sort(Comparator.comparingDouble((Long id) -> value.get(id)).reversed()); // stable: ties keep their order
        order.addAll(results.subList(order.size(), results.size()));
        return order;
    }

    /** The model at {@code location}; null (logged) when it is missing, unreadable or not over these features. */
    static Model load(String location) {
        try (Reader reader = open(location)) {
            if (reader == null) {
                LOG.infof("no reranking model at %s: hybrid search stays in fused order", location);
                return null;
            }
            Model m = Model.load(reader);
            if (m.getNrFeature() != RerankFeatures.NAMES.size()) {
                LOG.warnf("reranking model %s has %d features, the app computes %d: not used", location,
                        m.getNrFeature(), RerankFeatures.NAMES.size());
                return null;
            }
            return m;
        } catch (IOException | RuntimeException e) {
            LOG.warnf("reranking model %s could not be read (%s): hybrid search stays in fused order", location,
                    e.getMessage());
            return null;
        }
    }

    private static Reader open(String location) throws IOException {
        if (location.startsWith("classpath:")) {
            InputStream in = Reranker.class.getClassLoader().getResourceAsStream(location.substring(10));
            return in == null ? null : new InputStreamReader(in, StandardCharsets.UTF_8);
        }
        Path path = Path.of(location);
        return Files.exists(path) ? Files.newBufferedReader(path) : null;
    }
}
