package dev.faultline.predict;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a prediction into "at risk" or not, with the reason: the most specific threshold row for the asset's site
 * and type, else the defaults (RUL: {@code faultline.predict.rul-at-risk}; failure risk: the model version's own
 * cross-validated threshold, 0.5 without one).
 */
@ApplicationScoped
class RiskJudge {

    record Verdict(boolean atRisk, String reason) {}

    private final ThresholdRepository thresholds;
    private final PredictConfig config;

    RiskJudge(ThresholdRepository thresholds, PredictConfig config) {
        this.thresholds = thresholds;
        this.config = config;
    }

    /** Judges many predictions against one read of the thresholds. */
    Judging judging() {
        return new Judging(thresholds.all());
    }

    final class Judging {
        private final List<ThresholdView> rows;

        Judging(List<ThresholdView> rows) {
            this.rows = rows;
        }

        Verdict judge(PredictionRepository.Stored p, String site, String type) {
            Optional<ThresholdView> row = rows.stream().filter(t -> t.kind().equals(p.kind()))
                    .filter(t -> t.site() == null || t.site().equals(site))
                    .filter(t -> t.assetType() == null || t.assetType().equals(type))
                    .max(Comparator.comparingInt(t -> (t.site() == null ? 0 : 1) + (t.assetType() == null ? 0 : 2)));
            String source = row.map(t -> "threshold for " + describe(t)).orElse(null);
            if (p.kind().equals(PredictorView.RUL)) {
                double limit = row.map(ThresholdView::atMost).orElse(config.rulAtRisk());
                String why = source == null ? "default threshold" : source;
                return p.value() <= limit
                        ? new Verdict(true, "predicted RUL %.0f ≤ %.0f (%s)".formatted(p.value(), limit, why))
                        : new Verdict(false, "predicted RUL %.0f > %.0f (%s)".formatted(p.value(), limit, why));
            }
            double limit = row.map(ThresholdView::atLeast).orElse(Objects.requireNonNullElse(p.threshold(), 0.5));
            String why = source != null ? source
                    : p.threshold() != null ? "the model's cross-validated threshold" : "default threshold";
            return p.value() >= limit
                    ? new Verdict(true, "failure risk %.0f %% ≥ %.0f %% (%s)".formatted(p.value() * 100, limit * 100, why))
                    : new Verdict(false, "failure risk %.0f %% < %.0f %% (%s)".formatted(p.value() * 100, limit * 100, why));
        }
    }

    private static String describe(ThresholdView t) {
        if (t.site() != null && t.assetType() != null) {
            return t.assetType() + " at " + t.site();
        }
        return t.site() != null ? "site " + t.site() : t.assetType();
    }
}
