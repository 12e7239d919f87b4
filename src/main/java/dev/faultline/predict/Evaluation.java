package dev.faultline.predict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Measures of a model and the splits they are taken on (evaluation code; the models are XGBoost's). */
public final class Evaluation {

    private Evaluation() {}

    public static double rmse(float[] predicted, float[] actual) {
        double se = 0;
        for (int i = 0; i < predicted.length; i++) {
            se += (predicted[i] - actual[i]) * (double) (predicted[i] - actual[i]);
        }
        return Math.sqrt(se / predicted.length);
    }

    /** The PHM08 challenge score: late predictions (too optimistic) cost more than early ones. */
    public static double phm08(float[] predicted, float[] actual) {
        double score = 0;
        for (int i = 0; i < predicted.length; i++) {
            double d = predicted[i] - actual[i];
            score += d < 0 ? Math.exp(-d / 13) - 1 : Math.exp(d / 10) - 1;
        }
        return score;
    }

    /** {precision, recall, F1} of scores ≥ threshold against 0/1 labels. */
    public static double[] f1(float[] scores, float[] labels, double threshold) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean predicted = scores[i] >= threshold;
            boolean actual = labels[i] > 0.5f;
            tp += predicted && actual ? 1 : 0;
            fp += predicted && !actual ? 1 : 0;
            fn += !predicted && actual ? 1 : 0;
        }
        double p = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
        double r = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
        return new double[] {p, r, p + r == 0 ? 0 : 2 * p * r / (p + r)};
    }

    /** Area under the ROC curve: the chance that a random positive scores above a random negative (ties half). */
    public static double rocAuc(float[] scores, float[] labels) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Float.compare(scores[a], scores[b]));
        double rankSum = 0;
        long positives = 0;
        for (int i = 0; i < order.length; ) {
            int j = i;
            while (j < order.length && scores[order[j]] == scores[order[i]]) {
                j++;
            }
            double rank = (i + 1 + j) / 2.0; // average rank of the tie block
            for (int k = i; k < j; k++) {
                if (labels[order[k]] > 0.5f) {
                    rankSum += rank;
                    positives++;
                }
            }
            i = j;
        }
        long negatives = scores.length - positives;
        return (rankSum - positives * (positives + 1) / 2.0) / (positives * (double) negatives);
    }

    /** Stratified folds (by 0/1 label) of the row indexes, shuffled with the seed. */
    public static List<List<Integer>> folds(float[] labels, int k, long seed) {
        List<Integer> pos = new ArrayList<>();
        List<Integer> neg = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            (labels[i] > 0.5f ? pos : neg).add(i);
        }
        Random random = new Random(seed);
        Collections.shuffle(pos, random);
        Collections.shuffle(neg, random);
        List<List<Integer>> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            folds.add(new ArrayList<>());
        }
        for (int i = 0; i < pos.size(); i++) {
            folds.get(i % k).add(pos.get(i));
        }
        for (int i = 0; i < neg.size(); i++) {
            folds.get(i % k).add(neg.get(i));
        }
        return folds;
    }
}
