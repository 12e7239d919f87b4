package dev.faultline.classify;

import dev.faultline.classify.head.LabelledText;
import dev.faultline.model.Embedder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * The labelled texts a classifier is trained on, gathered from files, class descriptions and corrections, then
 * embedded in batches. Used by the fault classifier's training job and the defect classifier alike.
 */
final class TrainingExamples {

    /** Texts are cut to this many characters (the model reads far fewer tokens). */
    private static final int MAX_TEXT = 4000;
    private static final int BATCH = 256;

    private final List<String> texts = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();
    private final List<Long> recordIds = new ArrayList<>();
    private final List<String> origins = new ArrayList<>();

    void add(String text, String label, Long recordId, String origin) {
        texts.add(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text);
        labels.add(label);
        recordIds.add(recordId);
        origins.add(origin);
    }

    int size() {
        return texts.size();
    }

    /** Every {@code text,label} line of each file, its origin the file's name (or {@code origin} when given). */
    void addFiles(List<String> files, String origin) {
        for (String file : files) {
            for (String[] row : ClassifierTraining.read(file)) {
                add(row[0], row[1], null, origin != null ? origin : file.substring(file.lastIndexOf('/') + 1));
            }
        }
    }

    /**
     * The examples a head for text in a CJK script learns from: those written in such a script, and the classes'
     * descriptions (the anchors every class has). English examples read by a Chinese model added little (BENCHMARKS.md,
     * stop 36) and, at 10,000 of them, would double a training run.
     */
    TrainingExamples cjkAndDescriptions(String descriptionOrigin) {
        TrainingExamples kept = new TrainingExamples();
        for (int i = 0; i < texts.size(); i++) {
            if (descriptionOrigin.equals(origins.get(i)) || dev.faultline.search.Cjk.written(texts.get(i))) {
                kept.add(texts.get(i), labels.get(i), recordIds.get(i), origins.get(i));
            }
        }
        return kept;
    }

    /** The examples with their vectors; {@code progress} gets the share embedded, 0 to 1. */
    List<LabelledText> embed(Embedder embedder, DoubleConsumer progress) {
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < texts.size(); i += BATCH) {
            vectors.addAll(embedder.embed(texts.subList(i, Math.min(texts.size(), i + BATCH)), Embedder.Role.PASSAGE));
            progress.accept((double) vectors.size() / texts.size());
        }
        List<LabelledText> examples = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            examples.add(new LabelledText(texts.get(i), labels.get(i), vectors.get(i), recordIds.get(i), origins.get(i)));
        }
        return examples;
    }
}
