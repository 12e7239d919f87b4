package dev.faultline.predict;

import dev.faultline.record.AssetView;
import dev.faultline.record.FailureView;
import dev.faultline.sensor.History;
import dev.faultline.sensor.SensorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * Trains a failure-risk model from snapshots in the database: every reading time of every bound asset is a
 * snapshot; it counts as failed when a failure record of the asset falls within {@code failure-window} after it,
 * and each failure type the records name gets its own model ({@link RiskTraining}). The failure records are the
 * labels only: no feature is computed from them.
 */
@ApplicationScoped
class RiskTrainer {

    static final String ANY = "failure";

    private final SensorService sensors;
    private final PredictConfig config;

    RiskTrainer(SensorService sensors, PredictConfig config) {
        this.sensors = sensors;
        this.config = config;
    }

    Trained train(PredictorView p, List<AssetView.Ref> assets, List<FailureView> failures,
            BiConsumer<Double, String> progress) {
        if (assets.isEmpty()) {
            throw new IllegalStateException("no assets of type '" + p.assetType() + "' to learn from");
        }
        Map<String, List<FailureView>> byAsset = new HashMap<>();
        failures.forEach(f -> byAsset.computeIfAbsent(f.asset(), k -> new ArrayList<>()).add(f));
        List<String> names = p.sensors() != null ? p.sensors()
                : List.copyOf(new TreeSet<>(sensors.sensorNames(assets.getFirst().id())));
        boolean physics = SnapshotFeatures.physics(names);
        List<float[]> x = new ArrayList<>();
        List<List<String>> typesPerRow = new ArrayList<>();
        List<Float> failed = new ArrayList<>();
        OffsetDateTime from = null;
        OffsetDateTime to = null;
        int done = 0;
        for (AssetView.Ref asset : assets) {
            History h = sensors.history(asset.id(), names, null, null);
            List<FailureView> fs = byAsset.getOrDefault(asset.id(), List.of());
            for (int t = 0; t < h.steps(); t++) {
                Map<String, Double> snapshot = new HashMap<>();
                for (int s = 0; s < names.size(); s++) {
                    if (!Double.isNaN(h.values()[t][s])) {
                        snapshot.put(names.get(s), h.values()[t][s]);
                    }
                }
                x.add(SnapshotFeatures.of(names, physics, snapshot));
                OffsetDateTime time = h.times().get(t);
                OffsetDateTime until = time.plus(config.failureWindow());
                List<FailureView> hit = fs.stream()
                        .filter(f -> !f.occurredAt().isBefore(time) && f.occurredAt().isBefore(until)).toList();
                failed.add(hit.isEmpty() ? 0f : 1f);
                typesPerRow.add(hit.stream().flatMap(f -> f.types().stream()).distinct().toList());
            }
            if (!h.isEmpty()) {
                from = from == null || h.times().getFirst().isBefore(from) ? h.times().getFirst() : from;
                to = to == null || h.times().getLast().isAfter(to) ? h.times().getLast() : to;
            }
            progress.accept(0.3 * ++done / assets.size(), "reading snapshots");
        }
        float[] y = RulTrainer.floats(failed);
        int positives = (int) failed.stream().filter(v -> v > 0).count();
        if (positives < 2) {
            throw new IllegalStateException("needs failed snapshots (records tagged 'failure' within "
                    + config.failureWindow() + " after a reading); found " + positives);
        }
        Map<String, float[]> modes = modes(typesPerRow, y);
        progress.accept(0.35, "training one model per failure mode (" + String.join(", ", modes.keySet())
                + "), threshold by cross-validation");
        Recipes.Risk recipe = Recipes.risk();
        long start = System.nanoTime();
        RiskTraining.Trained trained = RiskTraining.train(Boosting.Matrix.of(x), modes, y, recipe);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("crossValidatedF1", Math.round(trained.crossValidatedF1() * 1000) / 1000.0);
        metrics.put("snapshots", x.size());
        metrics.put("failedSnapshots", positives);
        metrics.put("trainingSeconds", Math.round((System.nanoTime() - start) / 1e7) / 100.0);
        Map<String, Object> features = new LinkedHashMap<>();
        features.put("sensors", names);
        features.put("names", SnapshotFeatures.names(names, physics));
        features.put("physics", physics);
        features.put("modes", List.copyOf(modes.keySet()));
        features.put("failureWindow", config.failureWindow().toString());
        Map<String, Object> params = new LinkedHashMap<>(recipe.params());
        params.put("rounds", recipe.rounds());
        params.put("folds", recipe.folds());
        return new Trained(p.name(), 0, from, to, assets.size(), x.size(), features, params, metrics,
                trained.threshold(), trained.modes());
    }

    /** One 0/1 label array per learnable failure type; one for any failure when the records name none. */
    private Map<String, float[]> modes(List<List<String>> typesPerRow, float[] failed) {
        Map<String, float[]> modes = new LinkedHashMap<>();
        TreeSet<String> types = new TreeSet<>();
        typesPerRow.forEach(types::addAll);
        types.removeAll(config.unpredictableTypes());
        for (String type : types) {
            float[] labels = new float[failed.length];
            int n = 0;
            for (int i = 0; i < labels.length; i++) {
                if (typesPerRow.get(i).contains(type)) {
                    labels[i] = 1;
                    n++;
                }
            }
            if (n >= config.minFailuresPerType()) {
                modes.put(type, labels);
            }
        }
        if (modes.isEmpty()) {
            modes.put(ANY, failed);
        }
        return modes;
    }
}
