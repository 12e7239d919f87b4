package dev.faultline.classify.head;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Accuracy, micro- and macro-F1, per-class precision and recall and the confusion matrix of gold vs predicted
 * labels. Macro-F1 averages over the classes present in the gold labels (scikit-learn's convention when
 * {@code labels} is the set of gold classes). A prediction of {@link Prediction#UNKNOWN} counts as wrong.
 */
public final class Metrics {

    private final List<String> classes = new ArrayList<>();
    private final List<String> gold = new ArrayList<>();
    private final List<String> predicted = new ArrayList<>();

    public void add(String goldLabel, String predictedLabel) {
        gold.add(goldLabel);
        predicted.add(predictedLabel);
        if (!classes.contains(goldLabel)) {
            classes.add(goldLabel);
        }
    }

    public int size() {
        return gold.size();
    }

    public double accuracy() {
        long right = 0;
        for (int i = 0; i < gold.size(); i++) {
            right += gold.get(i).equals(predicted.get(i)) ? 1 : 0;
        }
        return gold.isEmpty() ? 0 : right / (double) gold.size();
    }

    /** With one label per example and every example predicted, micro-F1 equals accuracy. */
    public double microF1() {
        return accuracy();
    }

    public double macroF1() {
        return classes.stream().mapToDouble(this::f1).average().orElse(0);
    }

    public double precision(String c) {
        long tp = count(c, c);
        long p = predicted.stream().filter(c::equals).count();
        return p == 0 ? 0 : tp / (double) p;
    }

    public double recall(String c) {
        long tp = count(c, c);
        long g = gold.stream().filter(c::equals).count();
        return g == 0 ? 0 : tp / (double) g;
    }

    public double f1(String c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public long count(String goldLabel, String predictedLabel) {
        long n = 0;
        for (int i = 0; i < gold.size(); i++) {
            n += gold.get(i).equals(goldLabel) && predicted.get(i).equals(predictedLabel) ? 1 : 0;
        }
        return n;
    }

    /** Per-class precision / recall / F1 / support, then the confusion matrix (rows gold, columns predicted). */
    public String report() {
        StringBuilder sb = new StringBuilder();
        List<String> columns = new ArrayList<>(classes);
        predicted.stream().filter(p -> !columns.contains(p)).distinct().forEach(columns::add);
        sb.append(String.format(Locale.ROOT, "%-32s %9s %9s %9s %8s%n", "class", "precision", "recall", "f1", "support"));
        for (String c : classes) {
            sb.append(String.format(Locale.ROOT, "%-32s %9.3f %9.3f %9.3f %8d%n", cut(c, 32), precision(c), recall(c),
                    f1(c), gold.stream().filter(c::equals).count()));
        }
        sb.append("confusion matrix (rows: gold, columns: predicted, in this order):\n");
        for (int j = 0; j < columns.size(); j++) {
            sb.append(String.format(Locale.ROOT, "  c%-2d %s%n", j, columns.get(j)));
        }
        sb.append(String.format(Locale.ROOT, "%5s", ""));
        for (int j = 0; j < columns.size(); j++) {
            sb.append(String.format(Locale.ROOT, "%4s", "c" + j));
        }
        sb.append('\n');
        for (int i = 0; i < classes.size(); i++) {
            sb.append(String.format(Locale.ROOT, "%5s", "c" + i));
            for (String col : columns) {
                long n = count(classes.get(i), col);
                sb.append(String.format(Locale.ROOT, "%4s", n == 0 ? "." : Long.toString(n)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
