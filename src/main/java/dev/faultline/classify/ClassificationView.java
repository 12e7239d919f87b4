package dev.faultline.classify;

import dev.faultline.classify.head.Prediction;
import java.util.List;

/**
 * The answer of {@code POST /api/v1/classify}: the label ("Unknown" below the confidence floor), its confidence,
 * the alternatives, the model that answered and the nearest labelled examples as evidence.
 */
public record ClassificationView(
        String label,
        double confidence,
        List<Prediction.Alternative> alternatives,
        String model,
        List<Prediction.Evidence> evidence) {}
