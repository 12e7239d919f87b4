package dev.faultline.classify.head;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;

/**
 * Temperature scaling (Guo et al., "On Calibration of Modern Neural Networks", 2017): a model's class probabilities
 * {@code p} become {@code p^(1/T)}, renormalised. One number, fitted on predictions for examples the model did not
 * learn from, so that the confidence of a best guess reads as the share of such guesses that are right; the order of
 * the classes, and so every best guess, is unchanged. T below 1 sharpens an under-confident model (a small training
 * set spreads its probabilities over the classes), above 1 flattens an over-confident one.
 */
public final class Calibration {

    /** No scaling. */
    public static final double NONE = 1;
    /** Fewer held-out predictions than this fit nothing: T stays 1. */
    static final int MIN_PREDICTIONS = 20;
    private static final double FLOOR = 1e-12;
    private static final double LOG_T_RANGE = Math.log(20);

    /** Folds of the cross-validation that gives the held-out predictions. */
    static final int FOLDS = 5;

    private Calibration() {}

    /**
     * The temperature for a model trained on {@code examples}: each example predicted by a model trained on the
     * other folds (stratified by label, in the examples' order; deterministic), then {@link #temperature}. An example
     * whose class has no example in the other folds (a class known by its description alone) is not scored: no model
     * could have learnt it. Costs {@link #FOLDS} trainings on four fifths of the examples.
     */
    static double crossValidated(List<String> labels, List<LabelledText> examples, int dims, TrainOptions options,
            DoubleConsumer progress) {
        int[] fold = new int[examples.size()];
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < fold.length; i++) {
            fold[i] = seen.merge(examples.get(i).label(), 1, Integer::sum) % FOLDS;
        }
        List<double[]> predicted = new ArrayList<>();
        List<Integer> truth = new ArrayList<>();
        for (int k = 0; k < FOLDS; k++) {
            List<LabelledText> train = new ArrayList<>();
            List<LabelledText> held = new ArrayList<>();
            for (int i = 0; i < fold.length; i++) {
                (fold[i] == k ? held : train).add(examples.get(i));
            }
            java.util.Set<String> learnt = new java.util.HashSet<>();
            train.forEach(e -> learnt.add(e.label()));
            if (held.isEmpty() || learnt.size() < 2) {
                continue;
            }
            int done = k;
            FaultModel model = Trainer.fit(labels, train, dims, options, NONE,
                    p -> progress.accept((done + p) / FOLDS));
            for (LabelledText e : held) {
                if (learnt.contains(e.label())) {
                    predicted.add(model.distribution(e.text(), e.vector()));
                    truth.add(labels.indexOf(e.label()));
                }
            }
        }
        progress.accept(1);
        return temperature(predicted, truth.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * The temperature that minimises the negative log-likelihood of the true classes, by Brent's method over log T in
     * [-ln 20, ln 20] (Apache Commons Math); {@link #NONE} with fewer than {@link #MIN_PREDICTIONS} predictions.
     *
     * @param probabilities held-out predictions, one probability per class
     * @param truth the index of each prediction's true class
     */
    public static double temperature(List<double[]> probabilities, int[] truth) {
        if (probabilities.size() < MIN_PREDICTIONS) {
            return NONE;
        }
        double[][] logs = probabilities.stream().map(Calibration::logs).toArray(double[][]::new);
        UnivariateObjectiveFunction nll = new UnivariateObjectiveFunction(logT -> {
            double t = Math.exp(logT);
            double sum = 0;
            for (int i = 0; i < logs.length; i++) {
                sum += logSumExp(logs[i], t) - logs[i][truth[i]] / t;
            }
            return sum;
        });
        double logT = new BrentOptimizer(1e-6, 1e-9).optimize(new MaxEval(200), nll, GoalType.MINIMIZE,
                new SearchInterval(-LOG_T_RANGE, LOG_T_RANGE, 0)).getPoint();
        return Math.exp(logT);
    }

    /** {@code p} scaled by temperature {@code t} (a new array; {@code p} itself when t is 1). */
    public static double[] apply(double[] p, double t) {
        if (t == NONE) {
            return p;
        }
        double[] logs = logs(p);
        double norm = logSumExp(logs, t);
        double[] q = new double[p.length];
        for (int c = 0; c < p.length; c++) {
            q[c] = p[c] <= 0 ? 0 : Math.exp(logs[c] / t - norm);
        }
        return q;
    }

    private static double[] logs(double[] p) {
        double[] l = new double[p.length];
        for (int c = 0; c < p.length; c++) {
            l[c] = Math.log(Math.max(FLOOR, p[c]));
        }
        return l;
    }

    /** log Σ exp(l_c / t), shifted by the largest term so that nothing overflows. */
    private static double logSumExp(double[] l, double t) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : l) {
            max = Math.max(max, v / t);
        }
        double sum = 0;
        for (double v : l) {
            sum += Math.exp(v / t - max);
        }
        return max + Math.log(sum);
    }
}
