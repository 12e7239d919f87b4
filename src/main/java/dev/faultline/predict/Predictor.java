package dev.faultline.predict;

import dev.faultline.record.FailureView;
import dev.faultline.record.RecordService;
import dev.faultline.sensor.History;
import dev.faultline.sensor.SensorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes one model's prediction for one asset from its latest readings. RUL reads the last {@code window}
 * steps since the asset's last failure record (a repaired asset starts a new life) and counts the steps run since;
 * failure risk reads the latest value of each sensor. The explanation is XGBoost's per-feature contribution for
 * the same row (for failure risk, from the model of the most likely failure mode).
 */
@ApplicationScoped
class Predictor {

    static final int TOP = 5;

    record Result(double value, String failureType, OffsetDateTime asOf, List<PredictionView.Contribution> top) {}

    private final SensorService sensors;
    private final RecordService records;

    Predictor(SensorService sensors, RecordService records) {
        this.sensors = sensors;
        this.records = records;
    }

    /** Empty when the asset has no readings the model can use (none since its last failure, say). */
    Optional<Result> predict(LoadedModel m, String asset) {
        return m.kind().equals(PredictorView.RUL) ? rul(m, asset) : risk(m, asset);
    }

    private Optional<Result> rul(LoadedModel m, String asset) {
        List<FailureView> failures = records.failures(List.of(asset));
        OffsetDateTime after = failures.isEmpty() ? null : failures.getLast().occurredAt();
        History h = sensors.lastSteps(asset, m.sensors(), after, m.window());
        if (h.isEmpty()) {
            return Optional.empty();
        }
        float[] f = RulFeatures.at(h.values(), h.steps() - 1, m.window());
        f[0] = sensors.steps(asset, m.sensors(), after); // cycles run since the start of this life
        Boosting.Matrix x = new Boosting.Matrix(f, 1, f.length);
        byte[] model = m.parts().get("model");
        double value = Math.max(0, Math.min(m.cap(), Boosting.predict(model, x)[0]));
        float[] c = Boosting.contributions(model, x)[0];
        return Optional.of(new Result(value, null, h.times().getLast(), m.top(c, TOP)));
    }

    private Optional<Result> risk(LoadedModel m, String asset) {
        History h = sensors.lastSteps(asset, m.sensors(), null, 5);
        if (h.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Double> snapshot = new HashMap<>(); // the latest value of each sensor
        for (int t = 0; t < h.steps(); t++) {
            for (int s = 0; s < m.sensors().size(); s++) {
                if (!Double.isNaN(h.values()[t][s])) {
                    snapshot.put(m.sensors().get(s), h.values()[t][s]);
                }
            }
        }
        float[] f = m.snapshotFeatures(snapshot);
        Boosting.Matrix x = new Boosting.Matrix(f, 1, f.length);
        double none = 1;
        String likely = null;
        double best = -1;
        for (var part : m.parts().entrySet()) {
            double p = Boosting.predict(part.getValue(), x)[0];
            none *= 1 - p;
            if (p > best) {
                best = p;
                likely = part.getKey();
            }
        }
        float[] c = Boosting.contributions(m.parts().get(likely), x)[0];
        String type = likely.equals(RiskTrainer.ANY) ? null : likely;
        return Optional.of(new Result(1 - none, type, h.times().getLast(), m.top(c, TOP)));
    }
}
