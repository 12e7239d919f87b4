package dev.faultline.predict;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Trains the failure-risk model: one classifier per failure mode (each mode has its own, simpler physics: heat
 * dissipation, power, overstrain, tool wear), combined as the chance that at least one mode occurs,
 * {@code 1 − Π(1 − p_mode)}; the most likely mode is the predicted failure type. The decision threshold is chosen by
 * cross-validation on the training rows alone: out-of-fold scores for every row, then the threshold with the best
 * F1 against the machine-failure label. A rare event (3 % of the AI4I snapshots fail) is better served by that
 * threshold than by 0.5.
 */
public final class RiskTraining {

    /** One model per mode, the threshold on the combined score, and the F1 the cross-validation measured at it. */
    public record Trained(Map<String, byte[]> modes, double threshold, double crossValidatedF1) {

        /** The combined failure probability of each row. */
        public float[] risk(Boosting.Matrix x) {
            return combine(modes.values().stream().map(m -> Boosting.predict(m, x)).toList(), x.rows());
        }
    }

    private RiskTraining() {}

    /** @param modes the 0/1 label of each mode per row; @param failed the machine-failure label per row */
    public static Trained train(Boosting.Matrix x, Map<String, float[]> modes, float[] failed, Recipes.Risk recipe) {
        float[] oof = outOfFold(x, modes, failed, recipe);
        double best = 0.5;
        double bestF1 = -1;
        for (int t = 5; t <= 95; t++) {
            double f1 = Evaluation.f1(oof, failed, t / 100.0)[2];
            if (f1 > bestF1) {
                bestF1 = f1;
                best = t / 100.0;
            }
        }
        Map<String, byte[]> models = new LinkedHashMap<>();
        modes.forEach((mode, labels) -> models.put(mode, Boosting.train(x, labels, recipe.params(), recipe.rounds())));
        return new Trained(models, best, bestF1);
    }

    /** Each row scored by mode models trained without its fold (folds stratified by machine failure). */
    static float[] outOfFold(Boosting.Matrix x, Map<String, float[]> modes, float[] failed, Recipes.Risk recipe) {
        float[] scores = new float[failed.length];
        for (List<Integer> fold : Evaluation.folds(failed, recipe.folds(), 7)) {
            Set<Integer> held = new HashSet<>(fold);
            List<Integer> train = new ArrayList<>();
            for (int i = 0; i < failed.length; i++) {
                if (!held.contains(i)) {
                    train.add(i);
                }
            }
            Boosting.Matrix tx = rows(x, train);
            Boosting.Matrix fx = rows(x, fold);
            List<float[]> perMode = new ArrayList<>();
            for (float[] labels : modes.values()) {
                perMode.add(Boosting.predict(Boosting.train(tx, labels(labels, train), recipe.params(), recipe.rounds()), fx));
            }
            float[] p = combine(perMode, fold.size());
            for (int i = 0; i < fold.size(); i++) {
                scores[fold.get(i)] = p[i];
            }
        }
        return scores;
    }

    static float[] combine(List<float[]> perMode, int rows) {
        float[] out = new float[rows];
        for (int i = 0; i < rows; i++) {
            double none = 1;
            for (float[] p : perMode) {
                none *= 1 - p[i];
            }
            out[i] = (float) (1 - none);
        }
        return out;
    }

    public static Boosting.Matrix rows(Boosting.Matrix x, List<Integer> rows) {
        float[] v = new float[rows.size() * x.features()];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(x.values(), rows.get(i) * x.features(), v, i * x.features(), x.features());
        }
        return new Boosting.Matrix(v, rows.size(), x.features());
    }

    public static float[] labels(float[] labels, List<Integer> rows) {
        float[] out = new float[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            out[i] = labels[rows.get(i)];
        }
        return out;
    }
}
