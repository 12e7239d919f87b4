package dev.faultline.search;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Training and judging the second stage's model from judged searches: a pairwise logistic regression (LIBLINEAR) on the
 * feature differences of a relevant and a not-relevant result of the same search, each pair both ways. Used by the
 * app's training from feedback ({@link RankingTraining}) and by {@code bench/RerankTrain.java}, so both train alike.
 */
public final class PairwiseRanking {

    /** Pairs taken from one search at most, so that searches with many judged results do not outweigh the rest. */
    public static final int MAX_PAIRS = 2000;

    /** One judged result: relevant or not, and its features ({@link RerankFeatures#NAMES}). */
    public record Row(boolean relevant, double[] x) {}

    /** A judged search: its judged results, in the order they were listed. */
    public record Judged(String query, List<Row> rows) {

        /** Whether it gives at least one pair: a relevant and a not-relevant result. */
        public boolean hasPairs() {
            return pairs() > 0;
        }

        /** How many pairs of a relevant and a not-relevant result it has. */
        public int pairs() {
            long relevant = rows.stream().filter(Row::relevant).count();
            return (int) (relevant * (rows.size() - relevant));
        }
    }

    private PairwiseRanking() {}

    /** The model over these searches; {@code c} is LIBLINEAR's inverse regularisation, {@code seed} picks the pairs. */
    public static Model train(List<Judged> searches, double c, long seed) {
        List<Feature[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        Random random = new Random(seed);
        int n = 0;
        for (Judged q : searches) {
            List<Row> pos = q.rows().stream().filter(Row::relevant).toList();
            List<Row> neg = q.rows().stream().filter(r -> !r.relevant()).toList();
            List<int[]> pairs = new ArrayList<>();
            for (int i = 0; i < pos.size(); i++) {
                for (int j = 0; j < neg.size(); j++) {
                    pairs.add(new int[] {i, j});
                }
            }
            Collections.shuffle(pairs, random);
            for (int[] p : pairs.subList(0, Math.min(MAX_PAIRS, pairs.size()))) {
                // each pair both ways: the better first (+1) and the worse first (-1)
                x.add(difference(pos.get(p[0]).x(), neg.get(p[1]).x(), 1));
                y.add(1.0);
                x.add(difference(pos.get(p[0]).x(), neg.get(p[1]).x(), -1));
                y.add(-1.0);
            }
            n = q.rows().isEmpty() ? n : q.rows().getFirst().x().length;
        }
        if (x.isEmpty()) {
            throw new IllegalArgumentException("no search has both a relevant and a not-relevant result");
        }
        Problem problem = new Problem();
        problem.l = x.size();
        problem.n = n;
        problem.x = x.toArray(Feature[][]::new);
        problem.y = y.stream().mapToDouble(Double::doubleValue).toArray();
        problem.bias = -1;
        Linear.disableDebugOutput();
        return Linear.train(problem, new Parameter(SolverType.L2R_LR, c, 1e-4));
    }

    /** The model's value of each result (higher: listed earlier). */
    public static double[] values(Model model, List<Row> rows) {
        double sign = model.getLabels()[0] == 1 ? 1 : -1; // LIBLINEAR's decision value is for its first label
        double[] values = new double[rows.size()];
        double[] out = new double[1];
        for (int i = 0; i < rows.size(); i++) {
            Linear.predictValues(model, nodes(rows.get(i).x()), out);
            values[i] = sign * out[0];
        }
        return values;
    }

    /**
     * The share of pairs (a relevant and a not-relevant result of one search) that the model puts in the right order,
     * averaged over the searches with a pair (each search counts once); with {@code model} null, the listed order's.
     * A tie counts half. NaN when no search has a pair.
     */
    public static double pairAccuracy(Model model, List<Judged> searches) {
        double sum = 0;
        int counted = 0;
        for (Judged q : searches) {
            double[] v = model == null ? listed(q.rows().size()) : values(model, q.rows());
            double right = 0;
            int pairs = 0;
            for (int i = 0; i < v.length; i++) {
                for (int j = 0; j < v.length; j++) {
                    if (q.rows().get(i).relevant() && !q.rows().get(j).relevant()) {
                        pairs++;
                        right += v[i] > v[j] ? 1 : v[i] == v[j] ? 0.5 : 0;
                    }
                }
            }
            if (pairs > 0) {
                sum += right / pairs;
                counted++;
            }
        }
        return counted == 0 ? Double.NaN : sum / counted;
    }

    /**
     * The mean pair accuracy of the searches, each scored by a model trained on the other folds ({@code folds} at most;
     * searches dealt to folds in an order shuffled by {@code seed}).
     */
    public static double crossValidated(List<Judged> searches, double c, int folds, long seed) {
        int k = Math.min(folds, searches.size());
        List<Judged> dealt = new ArrayList<>(searches);
        Collections.shuffle(dealt, new Random(seed));
        double sum = 0;
        for (int f = 0; f < k; f++) {
            List<Judged> test = new ArrayList<>();
            List<Judged> train = new ArrayList<>();
            for (int i = 0; i < dealt.size(); i++) {
                (i % k == f ? test : train).add(dealt.get(i));
            }
            sum += pairAccuracy(train(train, c, seed), test) * test.size();
        }
        return sum / searches.size();
    }

    /** A feature row as LIBLINEAR's sparse nodes (indexes from 1). */
    public static Feature[] nodes(double[] x) {
        Feature[] f = new Feature[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = new FeatureNode(i + 1, x[i]);
        }
        return f;
    }

    /** (a - b) times sign, as LIBLINEAR's nodes. */
    static Feature[] difference(double[] a, double[] b, int sign) {
        Feature[] f = new Feature[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = new FeatureNode(i + 1, sign * (a[i] - b[i]));
        }
        return f;
    }

    /** Values that keep the listed order: the first highest. */
    private static double[] listed(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = n - i;
        }
        return v;
    }
}
