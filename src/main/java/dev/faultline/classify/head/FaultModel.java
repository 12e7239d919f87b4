package dev.faultline.classify.head;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A trained fault classifier: logistic regressions (one class against the rest, trained by LIBLINEAR) over the
 * transformer embedding and character n-gram TF-IDF features, mixed with a vote of the nearest labelled examples (which is also the evidence shown to users and
 * what makes an engineer's correction count at once for the same text). Immutable and thread-safe.
 */
public final class FaultModel {

    private static final int ALTERNATIVES = 5;
    private static final int EVIDENCE = 3;

    final List<String> labels;
    final CharNgrams ngrams;
    final float[] idf;
    final int dims;
    final float[][] weights;
    final float[] bias;
    final TrainOptions options;
    final List<LabelledText> examples;
    final int[] exampleLabels;
    final Sparse[] exampleLexical;
    /** The temperature its probabilities are scaled by ({@link Calibration}; 1: none). */
    final double calibration;

    FaultModel(List<String> labels, CharNgrams ngrams, float[] idf, int dims, float[][] weights, float[] bias,
            TrainOptions options, List<LabelledText> examples, double calibration) {
        this.labels = List.copyOf(labels);
        this.ngrams = ngrams;
        this.idf = idf;
        this.dims = dims;
        this.weights = weights;
        this.bias = bias;
        this.options = options;
        this.examples = List.copyOf(examples);
        this.exampleLabels = examples.stream().mapToInt(e -> labels.indexOf(e.label())).toArray();
        this.exampleLexical = examples.stream().map(e -> lexical(e.text())).toArray(Sparse[]::new);
        this.calibration = calibration;
    }

    /** The temperature its probabilities are scaled by (1: not calibrated). */
    public double calibration() {
        return calibration;
    }

    public List<String> labels() {
        return labels;
    }

    public List<LabelledText> examples() {
        return examples;
    }

    public TrainOptions options() {
        return options;
    }

    Sparse lexical(String text) {
        return CharNgrams.weigh(ngrams.counts(text), idf);
    }

    /** Classifies a text with its embedding (made by the same embedding model as the examples'). */
    public Prediction predict(String text, float[] vector) {
        return predict(text, vector, null);
    }

    /**
     * As {@link #predict(String, float[])}, choosing only among {@code allowed} labels (a site's own subset of the
     * taxonomy; null or empty: all), the probabilities renormalised over them.
     */
    public Prediction predict(String text, float[] vector, java.util.Set<String> allowed) {
        List<Prediction.Evidence> evidence = new ArrayList<>();
        double[] p = Calibration.apply(distribution(text, vector, evidence), calibration);
        if (allowed != null && !allowed.isEmpty()) {
            double kept = 0;
            for (int c = 0; c < p.length; c++) {
                p[c] = allowed.contains(labels.get(c)) ? p[c] : 0;
                kept += p[c];
            }
            for (int c = 0; c < p.length && kept > 0; c++) {
                p[c] /= kept;
            }
        }
        Integer[] order = new Integer[p.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> -p[i]));
        boolean all = allowed == null || allowed.isEmpty();
        List<Prediction.Alternative> alternatives = Arrays.stream(order)
                .filter(i -> all || allowed.contains(labels.get(i))).limit(ALTERNATIVES)
                .map(i -> new Prediction.Alternative(labels.get(i), round(p[i]))).toList();
        double best = p[order[0]];
        String label = best >= options.minConfidence() ? labels.get(order[0]) : Prediction.UNKNOWN;
        return new Prediction(label, round(best), alternatives, evidence.stream().limit(EVIDENCE).toList());
    }

    /** The class probabilities before calibration: the regressions mixed with the neighbours' vote. */
    double[] distribution(String text, float[] vector) {
        return distribution(text, vector, new ArrayList<>());
    }

    private double[] distribution(String text, float[] vector, List<Prediction.Evidence> evidence) {
        Sparse lex = lexical(text);
        double[] p = regression(vector, lex);
        if (options.neighbours() > 0 && !examples.isEmpty()) {
            double[] vote = vote(vector, lex, evidence);
            for (int c = 0; c < p.length; c++) {
                p[c] = (1 - options.neighbourWeight()) * p[c] + options.neighbourWeight() * vote[c];
            }
        }
        return p;
    }

    double[] regression(float[] vector, Sparse lex) {
        double[] logits = new double[labels.size()];
        float[] x = features(vector);
        for (int c = 0; c < logits.length; c++) {
            float[] w = weights[c];
            double z = bias[c];
            for (int d = 0; d < x.length; d++) {
                z += w[d] * x[d];
            }
            for (int k = 0; k < lex.index().length; k++) {
                z += w[dims + lex.index()[k]] * lex.value()[k] * options.lexicalWeight();
            }
            logits[c] = z;
        }
        return oneAgainstRest(logits);
    }

    float[] features(float[] vector) {
        float[] x = new float[dims];
        if (vector != null && options.embeddingWeight() > 0) {
            for (int d = 0; d < dims; d++) {
                x[d] = (float) (vector[d] * options.embeddingWeight());
            }
        }
        return x;
    }

    /** Similarity-weighted vote of the nearest examples; fills {@code evidence} nearest first. */
    private double[] vote(float[] vector, Sparse lex, List<Prediction.Evidence> evidence) {
        double[] sims = new double[examples.size()];
        for (int i = 0; i < sims.length; i++) {
            sims[i] = similarity(vector, lex, i);
        }
        Integer[] order = new Integer[sims.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> -sims[i]));
        double[] vote = new double[labels.size()];
        double total = 0;
        for (int r = 0; r < Math.min(options.neighbours(), order.length); r++) {
            int i = order[r];
            double w = Math.exp((sims[i] - sims[order[0]]) / options.temperature());
            vote[exampleLabels[i]] += w;
            total += w;
            LabelledText e = examples.get(i);
            evidence.add(new Prediction.Evidence(e.recordId(), e.text(), e.label(), round(sims[i]), e.origin()));
        }
        for (int c = 0; c < vote.length; c++) {
            vote[c] /= total;
        }
        return vote;
    }

    /** Mean of the embedding cosine and the n-gram cosine (misspellings are close in the second). */
    double similarity(float[] vector, Sparse lex, int example) {
        float[] v = examples.get(example).vector();
        double cos = 0;
        if (vector != null && v != null) {
            for (int d = 0; d < dims; d++) {
                cos += vector[d] * v[d];
            }
        }
        return 0.5 * cos + 0.5 * lex.dot(exampleLexical[example]);
    }

    /** Each class's logistic probability, normalised to sum to one (as LIBLINEAR's own probability estimates). */
    static double[] oneAgainstRest(double[] logits) {
        double sum = 0;
        double[] p = new double[logits.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = 1 / (1 + Math.exp(-logits[i]));
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
