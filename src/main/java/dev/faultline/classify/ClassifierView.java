package dev.faultline.classify;

import java.time.OffsetDateTime;

/**
 * The classifier in use: its version ({@code name} = {@code fault-classifier@v<N>}), when it was trained, on how
 * many examples (of which engineers' corrections), the embedding model under it, the records waiting for
 * classification and the latest training run.
 */
public record ClassifierView(
        String name,
        Integer version,
        OffsetDateTime trainedAt,
        int examples,
        int corrections,
        String embeddingModel,
        String taxonomy,
        long pending,
        TrainingRunView latestRun) {}
