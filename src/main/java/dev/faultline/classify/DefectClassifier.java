package dev.faultline.classify;

import dev.faultline.classify.head.FaultModel;
import dev.faultline.classify.head.LabelledText;
import dev.faultline.classify.head.Prediction;
import dev.faultline.classify.head.TrainOptions;
import dev.faultline.classify.head.Trainer;
import dev.faultline.model.CjkEmbedder;
import dev.faultline.model.Embedder;
import dev.faultline.record.RecordKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Defect classes of quality reports (Dimensional, Surface, …): the same head as the fault classifier, on its own
 * taxonomy, trained from each class's description, the team's seed examples and every engineer's correction to a
 * defect class. Training takes well under a second for these few examples, so the model is trained in memory at
 * first use and again when a correction to a defect class appears (the fault classifier's stored versions and
 * jobs are for its thousands of examples). Reports written in a CJK script get a second model over the CJK
 * embedding model's vectors when one is configured, trained the same way on the examples in such a script and the
 * descriptions.
 */
@ApplicationScoped
public class DefectClassifier {

    private static final Logger LOG = Logger.getLogger(DefectClassifier.class);
    private static final String DESCRIPTION = "defect class description";

    /**
     * A trained model, the corrections' stamp it was trained at, its name for answers, and whether it reads the CJK
     * model's vectors.
     */
    record Trained(FaultModel model, long stamp, String name, boolean cjk) {}

    private final ClassifierRepository repository;
    private final Embedder embedder;
    private final CjkEmbedder cjkEmbedder;
    private final ClassifyConfig config;
    private final Taxonomy taxonomy;
    private volatile Trained current;
    private volatile Trained cjkCurrent;
    private int trainings;

    DefectClassifier(ClassifierRepository repository, Embedder embedder, CjkEmbedder cjkEmbedder,
            ClassifyConfig config) {
        this.repository = repository;
        this.embedder = embedder;
        this.cjkEmbedder = cjkEmbedder;
        this.config = config;
        this.taxonomy = Taxonomy.load(config.defectTaxonomy());
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    /** The defect class of a quality report's text, with alternatives and the examples that support it. */
    public ClassificationView classify(String text) {
        Trained model = model(dev.faultline.search.Cjk.written(text));
        Embedder reads = model.cjk() ? cjkEmbedder.get().orElseThrow() : embedder;
        float[] vector = reads.embed(List.of(text), Embedder.Role.PASSAGE).getFirst();
        Prediction p = model.model().predict(text, vector);
        return new ClassificationView(config.label(p), p.confidence(), p.alternatives(), model.name(), p.evidence());
    }

    /**
     * The model for the corrections as they are now, trained again when they changed: the CJK model's when {@code
     * cjk} and one is configured (and loads), else the main one.
     */
    Trained model(boolean cjk) {
        var second = cjk ? cjkEmbedder.get() : java.util.Optional.<Embedder>empty();
        long stamp = repository.correctionsStamp(taxonomy.labels());
        Trained known = second.isPresent() ? cjkCurrent : current;
        if (known != null && known.stamp() == stamp) {
            return known;
        }
        synchronized (this) {
            Trained now = second.isPresent() ? cjkCurrent : current;
            if (now == null || now.stamp() != stamp) {
                now = train(stamp, second.orElse(embedder), second.isPresent());
                if (second.isPresent()) {
                    cjkCurrent = now;
                } else {
                    current = now;
                }
                if (known != null) {
                    // the quality reports labelled by the previous model get the new one's labels
                    repository.enqueueModelLabelled(RecordKind.QUALITY_REPORT.code());
                }
            }
            return now;
        }
    }

    private Trained train(long stamp, Embedder reads, boolean cjk) {
        long start = System.nanoTime();
        TrainingExamples gathered = new TrainingExamples();
        taxonomy.classes().forEach(c -> gathered.add(c.description(), c.label(), null, DESCRIPTION));
        gathered.addFiles(config.defectTrainingData(), "seed example (written by the team)");
        int corrections = 0;
        for (ClassifierRepository.Correction c : repository.engineerLabels()) {
            if (taxonomy.find(c.label()).isPresent()) {
                gathered.add(c.text(), c.label(), c.recordId(), "engineer's correction");
                corrections++;
            }
        }
        List<LabelledText> examples = (cjk ? gathered.cjkAndDescriptions(DESCRIPTION) : gathered).embed(reads,
                share -> {});
        FaultModel model = Trainer.train(taxonomy.labels(), examples, reads.dimensions(), TrainOptions.defaults(),
                p -> {});
        int n = ++trainings;
        LOG.infof("defect classifier (%s) trained on %d examples (%d corrections) in %d ms", reads.modelId(),
                examples.size(), corrections, (System.nanoTime() - start) / 1_000_000);
        return new Trained(model, stamp, (cjk ? "defect-classifier-cjk@" : "defect-classifier@") + n, cjk);
    }
}
