package dev.faultline.classify.head;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * Trains a {@link FaultModel}: softmax regression fitted by L-BFGS to its optimum (deterministic: the same
 * examples and options give the same weights), classes weighted by 1/sqrt(frequency) so rare failure modes are not
 * drowned by "Minor in-service problems".
 */
public final class Trainer {

    /** 2^15 hashed n-grams of 2 to 5 characters. */
    public static final CharNgrams NGRAMS = new CharNgrams(15, 2, 5);

    private Trainer() {}

    /**
     * @param labels the taxonomy, in display order; examples with other labels are left out
     * @param examples labelled texts with embeddings of {@code dims} floats
     * @param progress receives the share done, 0 to 1
     */
    public static FaultModel train(List<String> labels, List<LabelledText> examples, int dims, TrainOptions options,
            DoubleConsumer progress) {
        List<LabelledText> usable = examples.stream().filter(e -> labels.contains(e.label())).toList();
        List<Sparse> counts = usable.stream().map(e -> NGRAMS.counts(e.text())).toList();
        float[] idf = NGRAMS.idf(counts);
        FaultModel shell = new FaultModel(labels, NGRAMS, idf, dims, new float[0][], new float[0], options, List.of());
        Problem problem = new Problem(labels.size(), dims,
                usable.stream().map(e -> shell.features(e.vector())).toArray(float[][]::new),
                counts.stream().map(c -> scaled(CharNgrams.weigh(c, idf), options.lexicalWeight()))
                        .toArray(Sparse[]::new),
                usable.stream().mapToInt(e -> labels.indexOf(e.label())).toArray(), options.c());
        double[] solution = usable.isEmpty() ? new double[problem.size()]
                : Lbfgs.minimize(problem, new double[problem.size()], options.iterations(), 1e-5, progress);
        float[][] w = new float[labels.size()][dims + NGRAMS.dimensions()];
        float[] bias = new float[labels.size()];
        problem.expand(solution, w, bias);
        progress.accept(1);
        return new FaultModel(labels, NGRAMS, idf, dims, w, bias, options, usable);
    }

    private static Sparse scaled(Sparse s, double factor) {
        float[] v = s.value().clone();
        for (int k = 0; k < v.length; k++) {
            v[k] *= (float) factor;
        }
        return new Sparse(s.index(), v);
    }

    static double[] classWeights(int[] y, int classes) {
        int[] n = new int[classes];
        for (int c : y) {
            n[c]++;
        }
        double mean = y.length / (double) Math.max(1, Arrays.stream(n).filter(v -> v > 0).count());
        double[] weight = new double[classes];
        for (int c = 0; c < classes; c++) {
            weight[c] = n[c] == 0 ? 0 : Math.sqrt(mean / n[c]);
        }
        return weight;
    }

    /** The labels of a list of examples, in first-seen order (for evaluations without a taxonomy file). */
    public static List<String> labelsOf(List<LabelledText> examples) {
        List<String> labels = new ArrayList<>();
        examples.forEach(e -> {
            if (!labels.contains(e.label())) {
                labels.add(e.label());
            }
        });
        return labels;
    }

    /**
     * Softmax regression as an objective: class-weighted cross-entropy plus ||W||^2 / (2C), both divided by the
     * number of examples. Parameters per class: the embedding weights, one weight per n-gram seen in training
     * (compacted: unseen n-grams keep weight 0), then the unregularised bias.
     */
    private static final class Problem implements Lbfgs.Objective {
        final int classes;
        final int dims;
        final float[][] dense;
        final Sparse[] lexical;
        final int[] y;
        final double c;
        final double[] classWeight;
        final int[] active;
        final int width;

        Problem(int classes, int dims, float[][] dense, Sparse[] lexical, int[] y, double c) {
            this.classes = classes;
            this.dims = dims;
            this.y = y;
            this.c = c;
            this.dense = dense;
            this.classWeight = classWeights(y, classes);
            this.active = Arrays.stream(lexical).flatMapToInt(s -> Arrays.stream(s.index())).distinct().sorted()
                    .toArray();
            this.lexical = Arrays.stream(lexical).map(s -> new Sparse(
                    Arrays.stream(s.index()).map(i -> Arrays.binarySearch(active, i)).toArray(), s.value()))
                    .toArray(Sparse[]::new);
            this.width = dims + active.length + 1;
        }

        int size() {
            return classes * width;
        }

        @Override
        public double evaluate(double[] x, double[] gradient) {
            Arrays.fill(gradient, 0);
            double loss = 0;
            double[] z = new double[classes];
            for (int i = 0; i < y.length; i++) {
                for (int k = 0; k < classes; k++) {
                    z[k] = score(x, k * width, dense[i], lexical[i]);
                }
                double[] p = FaultModel.softmax(z);
                loss -= classWeight[y[i]] * Math.log(Math.max(p[y[i]], 1e-300));
                for (int k = 0; k < classes; k++) {
                    accumulate(gradient, k * width, dense[i], lexical[i],
                            classWeight[y[i]] * (p[k] - (k == y[i] ? 1 : 0)));
                }
            }
            for (int k = 0; k < classes; k++) {
                for (int j = k * width; j < (k + 1) * width - 1; j++) {
                    loss += x[j] * x[j] / (2 * c);
                    gradient[j] += x[j] / c;
                }
            }
            for (int j = 0; j < gradient.length; j++) {
                gradient[j] /= y.length;
            }
            return loss / y.length;
        }

        private double score(double[] x, int base, float[] d, Sparse lex) {
            double s = x[base + width - 1];
            for (int j = 0; j < dims; j++) {
                s += x[base + j] * d[j];
            }
            for (int k = 0; k < lex.index().length; k++) {
                s += x[base + dims + lex.index()[k]] * lex.value()[k];
            }
            return s;
        }

        private void accumulate(double[] gradient, int base, float[] d, Sparse lex, double g) {
            gradient[base + width - 1] += g;
            for (int j = 0; j < dims; j++) {
                gradient[base + j] += g * d[j];
            }
            for (int k = 0; k < lex.index().length; k++) {
                gradient[base + dims + lex.index()[k]] += g * lex.value()[k];
            }
        }

        /** Back to the model's layout: weights over the embedding and the whole hashed n-gram space, and biases. */
        void expand(double[] x, float[][] w, float[] bias) {
            for (int k = 0; k < classes; k++) {
                int base = k * width;
                for (int j = 0; j < dims; j++) {
                    w[k][j] = (float) x[base + j];
                }
                for (int a = 0; a < active.length; a++) {
                    w[k][dims + active[a]] = (float) x[base + dims + a];
                }
                bias[k] = (float) x[base + width - 1];
            }
        }
    }
}
