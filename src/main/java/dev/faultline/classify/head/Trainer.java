package dev.faultline.classify.head;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * Trains a {@link FaultModel}: L2-regularised logistic regression, one class against the rest, fitted by LIBLINEAR
 * (trust-region Newton; deterministic: the same examples and options give the same weights), classes weighted by
 * 1/sqrt(frequency) so rare failure modes are not drowned by "Minor in-service problems".
 */
public final class Trainer {

    /** 2^15 hashed n-grams of 2 to 5 characters. */
    public static final CharNgrams NGRAMS = new CharNgrams(15, 2, 5);
    private static final double TOLERANCE = 0.01;

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
        float[][] w = new float[labels.size()][dims + NGRAMS.dimensions()];
        float[] bias = new float[labels.size()];
        int[] y = usable.stream().mapToInt(e -> labels.indexOf(e.label())).toArray();
        int[] present = Arrays.stream(y).distinct().sorted().toArray();
        progress.accept(0.05);
        if (present.length > 0) {
            Problem problem = new Problem();
            problem.l = usable.size();
            int features = dims + NGRAMS.dimensions();
            // with a bias LIBLINEAR expects it as the last feature of every row, counted in n
            problem.n = features + 1;
            problem.bias = 1;
            problem.y = Arrays.stream(y).asDoubleStream().toArray();
            problem.x = new Feature[usable.size()][];
            for (int i = 0; i < usable.size(); i++) {
                problem.x[i] = row(shell.features(usable.get(i).vector()),
                        CharNgrams.weigh(counts.get(i), idf), options.lexicalWeight());
            }
            Parameter parameter = new Parameter(SolverType.L2R_LR, options.c(), TOLERANCE);
            parameter.setMaxIters(options.iterations());
            double[] classWeight = classWeights(y, labels.size());
            parameter.setWeights(Arrays.stream(present).mapToDouble(c -> classWeight[c]).toArray(), present);
            Linear.disableDebugOutput();
            Linear.resetRandom();
            Model model = Linear.train(problem, parameter);
            unpack(model, features, w, bias);
        }
        progress.accept(1);
        return new FaultModel(labels, NGRAMS, idf, dims, w, bias, options, usable);
    }

    /** One example as LIBLINEAR features (1-based, ascending): the embedding, the weighted n-grams, the bias. */
    private static Feature[] row(float[] dense, Sparse lexical, double lexicalWeight) {
        List<Feature> f = new ArrayList<>(dense.length + lexical.index().length + 1);
        for (int j = 0; j < dense.length; j++) {
            if (dense[j] != 0) {
                f.add(new FeatureNode(j + 1, dense[j]));
            }
        }
        for (int k = 0; k < lexical.index().length; k++) {
            f.add(new FeatureNode(dense.length + lexical.index()[k] + 1, lexical.value()[k] * lexicalWeight));
        }
        f.add(new FeatureNode(dense.length + NGRAMS.dimensions() + 1, 1));
        return f.toArray(Feature[]::new);
    }

    /**
     * The model's weights in {@link FaultModel}'s layout. A class with no example keeps zero weights and a very low
     * bias; with only one class present LIBLINEAR has nothing to separate, and that class gets a positive bias.
     */
    private static void unpack(Model model, int features, float[][] w, float[] bias) {
        int[] classes = model.getLabels();
        Arrays.fill(bias, -30);
        if (classes.length == 1) {
            bias[classes[0]] = 30;
            return;
        }
        for (int c = 0; c < classes.length; c++) {
            for (int j = 0; j < features; j++) {
                w[classes[c]][j] = (float) model.getDecfunCoef(j + 1, c);
            }
            bias[classes[c]] = (float) model.getDecfunBias(c);
        }
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
}
