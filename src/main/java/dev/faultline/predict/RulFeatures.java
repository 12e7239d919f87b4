package dev.faultline.predict;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * The features of a remaining-useful-life model at one cycle of an asset's history: how many cycles it has run,
 * and for each sensor its latest value, its mean and its trend (least-squares slope, from Commons Math) over the
 * last {@code window} cycles, and its mean over the last 5 (a smoothed "now"). Only readings up to that cycle are
 * used: a model never sees the future of the asset it is asked about.
 */
public final class RulFeatures {

    static final int RECENT = 5;

    private RulFeatures() {}

    /** Feature names, in order, for these sensors (for explanations). */
    public static List<String> names(List<String> sensors) {
        List<String> names = new ArrayList<>();
        names.add("cycles run");
        for (String s : sensors) {
            names.add(s);
            names.add(s + " mean");
            names.add(s + " trend");
            names.add(s + " recent");
        }
        return names;
    }

    /**
     * @param history one row per cycle (oldest first), one column per sensor; NaN where a reading is missing
     * @param t the cycle to describe (0-based index into history)
     */
    public static float[] at(double[][] history, int t, int window) {
        int sensors = history[0].length;
        float[] f = new float[1 + 4 * sensors];
        f[0] = t + 1;
        int from = Math.max(0, t - window + 1);
        for (int s = 0; s < sensors; s++) {
            SimpleRegression trend = new SimpleRegression();
            double sum = 0;
            int n = 0;
            for (int i = from; i <= t; i++) {
                double v = history[i][s];
                if (!Double.isNaN(v)) {
                    trend.addData(i - from, v);
                    sum += v;
                    n++;
                }
            }
            double recentSum = 0;
            int recentN = 0;
            for (int i = Math.max(0, t - RECENT + 1); i <= t; i++) {
                if (!Double.isNaN(history[i][s])) {
                    recentSum += history[i][s];
                    recentN++;
                }
            }
            int k = 1 + 4 * s;
            f[k] = (float) history[t][s];
            f[k + 1] = n == 0 ? Float.NaN : (float) (sum / n);
            f[k + 2] = n < 2 ? Float.NaN : (float) trend.getSlope();
            f[k + 3] = recentN == 0 ? Float.NaN : (float) (recentSum / recentN);
        }
        return f;
    }
}
