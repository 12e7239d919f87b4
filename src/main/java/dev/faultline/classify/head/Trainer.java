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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleConsumer;
import java.util.function.IntConsumer;

/**
 * Trains a {@link FaultModel}: L2-regularised logistic regression, one class against the rest, fitted by LIBLINEAR
 * (its dual, by coordinate descent: 1.4 to 1.7 times faster than the primal trust-region Newton on 10,000 examples,
 * the same accuracy; deterministic: each problem's coordinate order comes from a generator of its own with a fixed
 * seed, so the same examples and options give the same weights), one problem per class
 * fitted in parallel on every core (threads of its own), classes weighted by
 * 1/sqrt(frequency) so rare failure modes are not drowned by "Minor in-service problems"; a model trained on few
 * examples is then calibrated by temperature scaling ({@link Calibration}).
 */
public final class Trainer {

    /** 2^15 hashed n-grams of 2 to 5 characters. */
    public static final CharNgrams NGRAMS = new CharNgrams(15, 2, 5);
    /** LIBLINEAR's solver, and its default stopping tolerance for it. */
    static final SolverType SOLVER = SolverType.L2R_LR_DUAL;
    static final double TOLERANCE = 0.1;
    /**
     * Models trained on at most this many examples are calibrated ({@link Calibration}, five more trainings on four
     * fifths of the examples). Larger ones are not: their probabilities were measured calibrated already (expected
     * calibration error 0.04 on FMC-MWO2KG and FAA cross-validation, BENCHMARKS.md), and five more trainings of
     * 10,000 examples would not fit #23's 60 seconds. The few-example models (quality-report defect classes, a CJK head)
     * are the ones that need it.
     */
    static final int CALIBRATE_UP_TO = 1000;

    private Trainer() {}

    /**
     * @param labels the taxonomy, in display order; examples with other labels are left out
     * @param examples labelled texts with embeddings of {@code dims} floats
     * @param progress receives the share done, 0 to 1 (from the training threads, one call at a time)
     */
    public static FaultModel train(List<String> labels, List<LabelledText> examples, int dims, TrainOptions options,
            DoubleConsumer progress) {
        List<LabelledText> usable = examples.stream().filter(e -> labels.contains(e.label())).toList();
        if (usable.size() > CALIBRATE_UP_TO) {
            return fit(labels, usable, dims, options, Calibration.NONE, progress);
        }
        double t = Calibration.crossValidated(labels, usable, dims, options, p -> progress.accept(0.5 * p));
        return fit(labels, usable, dims, options, t, p -> progress.accept(0.5 + 0.5 * p));
    }

    /** The model on these examples (every one of a label in {@code labels}), its probabilities scaled by {@code t}. */
    static FaultModel fit(List<String> labels, List<LabelledText> usable, int dims, TrainOptions options, double t,
            DoubleConsumer progress) {
        List<Sparse> counts = usable.stream().map(e -> NGRAMS.counts(e.text())).toList();
        float[] idf = NGRAMS.idf(counts);
        FaultModel shell = new FaultModel(labels, NGRAMS, idf, dims, new float[0][], new float[0], options, List.of(),
                Calibration.NONE);
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
            problem.x = new Feature[usable.size()][];
            for (int i = 0; i < usable.size(); i++) {
                problem.x[i] = row(shell.features(usable.get(i).vector()),
                        CharNgrams.weigh(counts.get(i), idf), options.lexicalWeight());
            }
            double[] classWeight = classWeights(y, labels.size());
            Linear.disableDebugOutput();
            // a class with no example keeps zero weights and a very low bias
            Arrays.fill(bias, -30);
            if (present.length == 1) {
                bias[present[0]] = 30; // nothing to separate it from
            } else {
                fitAll(present, c -> fitOne(problem, y, c, classWeight[c], options, features, w, bias), progress);
            }
        }
        progress.accept(1);
        return new FaultModel(labels, NGRAMS, idf, dims, w, bias, options, usable, t);
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
     * The classes are independent problems over the same rows: fitted side by side, one per core, on threads of
     * their own. Not the common fork-join pool: on 2 cores it has one worker, and work of others queued there (a mail
     * send's completion) would wait for the whole training.
     */
    private static void fitAll(int[] classes, IntConsumer fit, DoubleConsumer progress) {
        int threads = Math.max(1, Math.min(classes.length, Runtime.getRuntime().availableProcessors()));
        AtomicInteger done = new AtomicInteger();
        ThreadFactory named = Thread.ofPlatform().name("fault-model-training-", 1).daemon().factory();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads, named)) {
            List<Future<?>> fits = new ArrayList<>();
            for (int c : classes) {
                fits.add(pool.submit(() -> {
                    fit.accept(c);
                    synchronized (done) { // never two calls at once
                        progress.accept(0.05 + 0.95 * done.incrementAndGet() / classes.length);
                    }
                }));
            }
            for (Future<?> f : fits) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training was interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /**
     * Class {@code c} against the rest, as LIBLINEAR's own one-against-rest does it: the class's examples weighted
     * {@code C × weight}, the others {@code C}.
     */
    static void fitOne(Problem all, int[] y, int c, double weight, TrainOptions options, int features,
            float[][] w, float[] bias) {
        Problem problem = new Problem();
        problem.l = all.l;
        problem.n = all.n;
        problem.bias = all.bias;
        problem.x = all.x;
        problem.y = Arrays.stream(y).mapToDouble(v -> v == c ? 1 : -1).toArray();
        Parameter parameter = new Parameter(SOLVER, options.c(), TOLERANCE);
        parameter.setMaxIters(options.iterations());
        parameter.setWeights(new double[] {weight}, new int[] {1});
        Model model = Linear.train(problem, parameter);
        int positive = model.getLabels()[0] == 1 ? 0 : 1;
        for (int j = 0; j < features; j++) {
            w[c][j] = (float) model.getDecfunCoef(j + 1, positive);
        }
        bias[c] = (float) model.getDecfunBias(positive);
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
