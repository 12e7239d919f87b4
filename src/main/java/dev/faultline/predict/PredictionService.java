package dev.faultline.predict;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.faultline.error.ProblemException;
import dev.faultline.record.AssetView;
import dev.faultline.record.RecordService;
import dev.faultline.sensor.ReadingsWritten;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Predictions: computed for assets due one (new readings, a new model version, the hourly refresh) and stored
 * with their model version; read back as the latest per model, a history, or the fleet sorted by risk.
 */
@ApplicationScoped
public class PredictionService {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(PredictionService.class);

    private final PredictionRepository repository;
    private final dev.faultline.webhook.WebhookEvents webhooks;
    private final PredictorRepository predictors;
    private final Predictor predictor;
    private final RecordService records;
    private final RiskJudge judge;
    private final PredictConfig config;
    private final Cache<String, LoadedModel> models = Caffeine.newBuilder().maximumSize(20).build();

    PredictionService(PredictionRepository repository, PredictorRepository predictors, Predictor predictor,
            RecordService records, RiskJudge judge, PredictConfig config, dev.faultline.webhook.WebhookEvents webhooks) {
        this.webhooks = webhooks;
        this.repository = repository;
        this.predictors = predictors;
        this.predictor = predictor;
        this.records = records;
        this.judge = judge;
        this.config = config;
    }

    /** New readings (in the writing transaction): the assets are due a prediction after the debounce. */
    void onReadings(@Observes ReadingsWritten event) {
        repository.queue(event.assets(), config.debounce(), config.maxWait());
    }

    /** Predicts the due assets, a batch at a time; answers how many assets were taken. */
    int predictDue(int limit) {
        List<String> due = repository.takeDue(limit);
        long start = System.nanoTime();
        due.forEach(this::predict);
        if (!due.isEmpty()) {
            LOG.debugf("predicted %d asset(s) in %.1f ms", (Object) due.size(), (System.nanoTime() - start) / 1e6);
        }
        return due.size();
    }

    /** Queues every asset bound to a model (the scheduled refresh). */
    void queueAllBound() {
        for (PredictorView p : predictors.all()) {
            List<String> ids = records.assetsOfType(p.assetType(), p.site(), p.assets()).stream()
                    .map(AssetView.Ref::id).toList();
            repository.queue(ids, java.time.Duration.ZERO, java.time.Duration.ZERO);
        }
    }

    /** Runs every model bound to the asset on its latest readings; answers how many new predictions were stored. */
    public int predict(String asset) {
        AssetView a;
        try {
            a = records.asset(asset);
        } catch (ProblemException e) {
            return 0; // deleted since it was queued
        }
        if (a.type() == null) {
            return 0;
        }
        int stored = 0;
        for (PredictorView p : predictors.boundTo(a.type(), a.site(), a.id())) {
            var version = predictors.latestVersion(p.name());
            if (version.isEmpty()) {
                continue;
            }
            VersionView v = version.get();
            // keyed by more than the id: a restored or emptied database may number versions again
            LoadedModel m = models.get(v.id() + "/" + v.label() + "/" + v.createdAt(),
                    key -> LoadedModel.of(v, p.kind(), predictors.parts(v.id())));
            var result = predictor.predict(m, asset);
            if (result.isPresent() && saveAndAnnounce(asset, p.name(), m, result.get())) {
                stored++;
            }
        }
        return stored;
    }

    /** Stores a new prediction; one that puts the asset at risk by this model (and did not before) is announced. */
    private boolean saveAndAnnounce(String asset, String model, LoadedModel m, Predictor.Result r) {
        boolean wasAtRisk = latest(asset).predictions().stream().anyMatch(v -> v.model().equals(model) && v.atRisk());
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            if (!repository.save(asset, m.version().id(), r.value(), r.failureType(), r.asOf(), r.top())) {
                return false;
            }
            latest(asset).predictions().stream().filter(v -> v.model().equals(model) && v.atRisk() && !wasAtRisk)
                    .findFirst().ifPresent(v -> webhooks.publish(dev.faultline.webhook.EventTypes.PREDICTION_AT_RISK,
                            Map.of("asset", asset, "model", model, "version", v.version(), "kind", v.kind(),
                                    "value", v.value(), "unit", String.valueOf(v.unit()), "reason", v.reason(),
                                    "asOf", v.asOf().toString(), "href", "/api/v1/assets/" + asset + "/predictions")));
            return true;
        });
    }

    /** The latest prediction of each model for the asset, judged against the thresholds. */
    public AssetPredictions latest(String asset) {
        AssetView a = records.asset(asset);
        RiskJudge.Judging j = judge.judging();
        List<PredictionView> views = repository.latest(asset).stream().map(p -> view(p, a, j)).toList();
        return new AssetPredictions(asset, views.stream().anyMatch(PredictionView::atRisk), views);
    }

    /** The asset's most telling current prediction: an at-risk one first; empty without predictions. */
    public java.util.Optional<PredictionView> current(String asset) {
        List<PredictionRepository.Stored> stored = repository.latest(asset);
        if (stored.isEmpty()) {
            return java.util.Optional.empty();
        }
        AssetView a = records.asset(asset);
        RiskJudge.Judging j = judge.judging();
        List<PredictionView> views = stored.stream().map(p -> view(p, a, j)).toList();
        return views.stream().filter(PredictionView::atRisk).findFirst().or(() -> java.util.Optional.of(views.getFirst()));
    }

    /** One model's predictions for the asset over time, oldest first. */
    public List<PredictionView> history(String asset, String model, int limit) {
        AssetView a = records.asset(asset);
        RiskJudge.Judging j = judge.judging();
        return repository.history(asset, model, limit).stream().map(p -> view(p, a, j)).toList();
    }

    /** The fleet's latest predictions of one kind, most urgent first (lowest RUL; highest failure risk). */
    public List<AtRiskEntry> ranked(String kind, boolean onlyAtRisk) {
        RiskJudge.Judging j = judge.judging();
        List<AtRiskEntry> out = new ArrayList<>();
        for (PredictionRepository.Stored p : repository.latestOfKind(kind)) {
            AssetView a = records.asset(p.asset());
            PredictionView v = view(p, a, j);
            if (!onlyAtRisk || v.atRisk()) {
                out.add(new AtRiskEntry(new AssetView.Ref(a.id(), a.name(), a.type(), a.site(), a.line()), v));
            }
        }
        Comparator<AtRiskEntry> byValue = Comparator.comparingDouble(e -> e.prediction().value());
        out.sort(kind.equals(PredictorView.RUL) ? byValue : byValue.reversed());
        return out;
    }

    long queued() {
        return repository.queued();
    }

    // the value as stored (a small failure probability keeps its digits), so the headline and the reason round alike
    private static PredictionView view(PredictionRepository.Stored p, AssetView a, RiskJudge.Judging j) {
        RiskJudge.Verdict v = j.judge(p, a.site(), a.type());
        String unit = p.kind().equals(PredictorView.RUL) ? "cycles" : "probability";
        return new PredictionView(p.asset(), p.predictor(), p.version(), p.kind(),
                p.value(), unit, p.failureType(), p.asOf(), p.computedAt(),
                p.topFeatures(), v.atRisk(), v.reason());
    }
}
