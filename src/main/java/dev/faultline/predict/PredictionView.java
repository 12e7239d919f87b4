package dev.faultline.predict;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One prediction: what a model version said about an asset from its readings up to {@code asOf}. A prediction,
 * never an observation. {@code atRisk} and {@code reason} apply the threshold for the asset's site and type.
 */
public record PredictionView(String asset, String model, int version, String kind, double value, String unit,
        String failureType, OffsetDateTime asOf, OffsetDateTime computedAt, List<Contribution> topFeatures,
        boolean atRisk, String reason) {

    /**
     * How much one feature moved this prediction (XGBoost's per-feature contribution, in the model's output
     * unit: cycles for RUL, log-odds for failure risk); {@code sensor} is the sensor it was computed from.
     */
    public record Contribution(String sensor, String feature, double contribution) {

        /** "+1.4" / "−24.1" (a typographic minus), for pages. */
        public String signed() {
            return (contribution < 0 ? "\u2212" : "+") + "%.1f".formatted(Math.abs(contribution));
        }
    }

    /** "RUL 23 cycles" / "Failure risk 48 %", for pages. */
    public String headline() {
        return kind.equals(PredictorView.RUL) ? "RUL %.0f %s".formatted(value, unit)
                : "Failure risk %.0f %%".formatted(value * 100);
    }

    /** The unit a contribution is in: what the model's raw output is measured in. */
    public String contributionUnit() {
        return kind.equals(PredictorView.RUL) ? unit : "log-odds";
    }

    /** How the language side cites it: "RUL 23 cycles (model rul-fd001 v3, 2026-12-01)". */
    public String citation() {
        String what = kind.equals(PredictorView.RUL) ? "predicted RUL %.0f %s".formatted(value, unit)
                : "predicted failure risk %.0f %%%s".formatted(value * 100,
                        failureType == null ? "" : ", most likely " + failureType);
        return what + " (model " + model + " v" + version + ", readings up to " + asOf.toLocalDate() + ")";
    }
}
