package dev.faultline.classify.head;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.function.DoubleConsumer;

/** Limited-memory BFGS with a backtracking (Armijo) line search, for smooth convex objectives. */
final class Lbfgs {

    /** Writes the gradient at {@code x} into {@code gradient} and answers the objective's value. */
    interface Objective {
        double evaluate(double[] x, double[] gradient);
    }

    private static final int MEMORY = 6;

    private Lbfgs() {}

    static double[] minimize(Objective f, double[] start, int maxIterations, double tolerance, DoubleConsumer progress) {
        int n = start.length;
        double[] x = start.clone();
        double[] g = new double[n];
        double fx = f.evaluate(x, g);
        Deque<double[][]> history = new ArrayDeque<>();
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        for (int it = 0; it < maxIterations && norm(g) > tolerance * Math.max(1, norm(x)); it++) {
            double[] d = direction(g, history);
            double slope = dot(d, g);
            if (slope >= 0) {
                // not a descent direction (numerical trouble): restart from steepest descent
                history.clear();
                d = direction(g, history);
                slope = dot(d, g);
            }
            double step = history.isEmpty() ? 1 / Math.max(1e-12, norm(g)) : 1;
            double fNew;
            int tries = 0;
            while (true) {
                for (int i = 0; i < n; i++) {
                    xNew[i] = x[i] + step * d[i];
                }
                fNew = f.evaluate(xNew, gNew);
                if (fNew <= fx + 1e-4 * step * slope || ++tries > 30) {
                    break;
                }
                step *= 0.5;
            }
            double[] s = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = xNew[i] - x[i];
                y[i] = gNew[i] - g[i];
            }
            if (dot(s, y) > 1e-10) {
                history.addLast(new double[][] {s, y});
                if (history.size() > MEMORY) {
                    history.removeFirst();
                }
            }
            double change = Math.abs(fx - fNew) / Math.max(1, Math.abs(fx));
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            fx = fNew;
            progress.accept((it + 1.0) / maxIterations);
            if (change < 1e-9) {
                break;
            }
        }
        return x;
    }

    /** The two-loop recursion: the inverse-Hessian estimate times the negative gradient. */
    private static double[] direction(double[] g, Deque<double[][]> history) {
        double[] q = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            q[i] = -g[i];
        }
        double[] alpha = new double[history.size()];
        int k = history.size() - 1;
        for (Iterator<double[][]> it = history.descendingIterator(); it.hasNext(); k--) {
            double[][] sy = it.next();
            alpha[k] = dot(sy[0], q) / dot(sy[1], sy[0]);
            axpy(-alpha[k], sy[1], q);
        }
        if (!history.isEmpty()) {
            double[][] last = history.getLast();
            double gamma = dot(last[0], last[1]) / dot(last[1], last[1]);
            for (int i = 0; i < q.length; i++) {
                q[i] *= gamma;
            }
        }
        k = 0;
        for (double[][] sy : history) {
            double beta = dot(sy[1], q) / dot(sy[1], sy[0]);
            axpy(alpha[k++] - beta, sy[0], q);
        }
        return q;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }
}
