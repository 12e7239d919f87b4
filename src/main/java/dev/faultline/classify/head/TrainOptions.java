package dev.faultline.classify.head;

/**
 * How a fault model is trained and how its parts are mixed.
 *
 * @param iterations most iterations (passes of coordinate descent) of each LIBLINEAR logistic regression
 * @param c inverse regularisation strength (as scikit-learn's {@code C}): larger fits the examples more closely
 * @param embeddingWeight scale of the transformer embedding in the regression's features (0: lexical only)
 * @param lexicalWeight scale of the character n-gram TF-IDF features (0: embedding only)
 * @param neighbours labelled neighbours that vote (0: no nearest-neighbour part)
 * @param neighbourWeight share of the neighbour vote in the final probabilities
 * @param temperature how sharply the vote favours the closest neighbours
 * @param minConfidence below this the answer is {@link Prediction#UNKNOWN}
 */
public record TrainOptions(
        int iterations,
        double c,
        double embeddingWeight,
        double lexicalWeight,
        int neighbours,
        double neighbourWeight,
        double temperature,
        double minConfidence) {

    public static TrainOptions defaults() {
        return new TrainOptions(300, 10, 1.0, 2.0, 10, 0.3, 0.05, 0.4);
    }

    /** The evaluation's baseline: character n-gram TF-IDF + logistic regression, nothing else. */
    public static TrainOptions tfidfBaseline() {
        return new TrainOptions(300, 10, 0.0, 1.0, 0, 0.0, 0.05, 0.0);
    }
}
