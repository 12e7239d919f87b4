package dev.faultline.predict;

import dev.faultline.record.AssetView;
import dev.faultline.record.FailureView;
import dev.faultline.sensor.History;
import dev.faultline.sensor.SensorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * Trains a remaining-useful-life model from run-to-failure histories in the database: for every bound asset with a
 * failure record, its readings from the previous failure (or its first reading) up to that failure; at each step
 * the target is the number of steps left to the failure, capped ({@link Recipes#rul}). One step is one distinct
 * reading time (one cycle for C-MAPSS). Every fifth asset is held out to measure the model before the final one
 * is trained on all of them.
 */
@ApplicationScoped
class RulTrainer {

    static final int MIN_DISTINCT = 5;

    private final SensorService sensors;

    RulTrainer(SensorService sensors) {
        this.sensors = sensors;
    }

    Trained train(PredictorView p, List<AssetView.Ref> assets, List<FailureView> failures,
            BiConsumer<Double, String> progress) {
        Map<String, List<FailureView>> byAsset = new LinkedHashMap<>();
        failures.forEach(f -> byAsset.computeIfAbsent(f.asset(), k -> new ArrayList<>()).add(f));
        List<String> failed = assets.stream().map(AssetView.Ref::id).filter(byAsset::containsKey).toList();
        if (failed.size() < 2) {
            throw new IllegalStateException("needs run-to-failure histories of at least 2 assets of type '"
                    + p.assetType() + "' (records tagged 'failure'); found " + failed.size());
        }
        List<String> all = p.sensors() != null ? p.sensors()
                : List.copyOf(new TreeSet<>(sensors.sensorNames(failed.getFirst())));
        Map<String, History> histories = new LinkedHashMap<>();
        for (String asset : failed) {
            List<FailureView> fs = byAsset.get(asset);
            FailureView last = fs.getLast();
            OffsetDateTime after = fs.size() > 1 ? fs.get(fs.size() - 2).occurredAt() : null;
            History h = sensors.history(asset, all, after, last.occurredAt());
            if (h.steps() >= 2) {
                histories.put(asset, h);
            }
            progress.accept(0.4 * histories.size() / failed.size(), "reading run-to-failure histories");
        }
        List<Integer> columns = p.sensors() != null ? range(all.size()) : varying(histories.values(), all.size());
        List<String> chosen = columns.stream().map(all::get).toList();
        Recipes.Rul recipe = Recipes.rul(chosen);
        List<float[]> x = new ArrayList<>();
        List<Float> y = new ArrayList<>();
        List<Boolean> held = new ArrayList<>();
        int n = 0;
        OffsetDateTime from = null;
        OffsetDateTime to = null;
        for (History h : histories.values()) {
            double[][] v = select(h.values(), columns);
            for (int t = 0; t < v.length; t++) {
                x.add(RulFeatures.at(v, t, recipe.window()));
                y.add((float) Math.min(recipe.cap(), v.length - 1 - t));
                held.add(n % 5 == 4);
            }
            from = from == null || h.times().getFirst().isBefore(from) ? h.times().getFirst() : from;
            to = to == null || h.times().getLast().isAfter(to) ? h.times().getLast() : to;
            n++;
        }
        progress.accept(0.5, "measuring on held-out assets");
        Map<String, Object> metrics = new LinkedHashMap<>();
        if (histories.size() >= 5) {
            List<Integer> train = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < held.size(); i++) {
                (held.get(i) ? test : train).add(i);
            }
            Boosting.Matrix all2 = Boosting.Matrix.of(x);
            float[] labels = floats(y);
            byte[] m = Boosting.train(RiskTraining.rows(all2, train), RiskTraining.labels(labels, train),
                    recipe.params(), recipe.rounds());
            float[] predicted = Boosting.predict(m, RiskTraining.rows(all2, test));
            metrics.put("heldOutRmse", Math.round(Evaluation.rmse(predicted, RiskTraining.labels(labels, test)) * 100) / 100.0);
            metrics.put("heldOutAssets", (histories.size() + 1) / 5);
        }
        progress.accept(0.75, "training on all assets");
        long start = System.nanoTime();
        byte[] model = Boosting.train(Boosting.Matrix.of(x), floats(y), recipe.params(), recipe.rounds());
        metrics.put("trainingSeconds", Math.round((System.nanoTime() - start) / 1e7) / 100.0);
        Map<String, Object> features = new LinkedHashMap<>();
        features.put("sensors", chosen);
        features.put("names", RulFeatures.names(chosen));
        features.put("window", recipe.window());
        features.put("cap", recipe.cap());
        features.put("unit", "cycles");
        Map<String, Object> params = new LinkedHashMap<>(recipe.params());
        params.put("rounds", recipe.rounds());
        return new Trained(p.name(), 0, from, to, histories.size(), x.size(), features, params, metrics, null,
                Map.of("model", model));
    }

    /**
     * The sensors that change over the histories: more than {@link #MIN_DISTINCT} distinct values (a flat sensor,
     * or one that flips between two settings, carries no information about wear).
     */
    private static List<Integer> varying(Iterable<History> histories, int sensors) {
        List<Integer> out = new ArrayList<>();
        for (int s = 0; s < sensors; s++) {
            java.util.Set<Double> distinct = new java.util.HashSet<>();
            for (History h : histories) {
                for (double[] row : h.values()) {
                    if (!Double.isNaN(row[s]) && distinct.size() <= MIN_DISTINCT) {
                        distinct.add(row[s]);
                    }
                }
            }
            if (distinct.size() > MIN_DISTINCT) {
                out.add(s);
            }
        }
        return out;
    }

    private static List<Integer> range(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(i);
        }
        return out;
    }

    private static double[][] select(double[][] values, List<Integer> columns) {
        double[][] out = new double[values.length][columns.size()];
        for (int t = 0; t < values.length; t++) {
            for (int c = 0; c < columns.size(); c++) {
                out[t][c] = values[t][columns.get(c)];
            }
        }
        return out;
    }

    static float[] floats(List<Float> v) {
        float[] a = new float[v.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = v.get(i);
        }
        return a;
    }
}
