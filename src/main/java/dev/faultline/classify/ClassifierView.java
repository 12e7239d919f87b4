package dev.faultline.classify;

import java.time.OffsetDateTime;

/**
 * The classifier in use: its version ({@code name} = {@code fault-classifier@v<N>}), when it was trained, on how
 * many examples (of which engineers' corrections), the embedding model under it, the head that classifies text
 * written in a CJK script ({@code cjkName} = {@code fault-classifier-cjk@v<N>}, over {@code cjkEmbeddingModel}; null
 * when no CJK model is configured or its head is not trained yet), the records waiting for classification and the
 * latest training run.
 */
public record ClassifierView(
        String name,
        Integer version,
        OffsetDateTime trainedAt,
        int examples,
        int corrections,
        String embeddingModel,
        String taxonomy,
        String cjkName,
        String cjkEmbeddingModel,
        long pending,
        TrainingRunView latestRun) {}
