package dev.faultline.classify;

import dev.faultline.classify.head.FaultModel;
import dev.faultline.classify.head.LabelledText;
import dev.faultline.classify.head.Prediction;
import dev.faultline.classify.head.TrainOptions;
import dev.faultline.classify.head.Trainer;
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
 * jobs are for its thousands of examples).
 */
@ApplicationScoped
public class DefectClassifier {

    private static final Logger LOG = Logger.getLogger(DefectClassifier.class);

    /** A trained model, the corrections' stamp it was trained at, and its name for answers. */
    record Trained(FaultModel model, long stamp, String name) {}

    private final ClassifierRepository repository;
    private final Embedder embedder;
    private final ClassifyConfig config;
    private final Taxonomy taxonomy;
    private volatile Trained current;
    private int trainings;

    DefectClassifier(ClassifierRepository repository, Embedder embedder, ClassifyConfig config) {
        this.repository = repository;
        this.embedder = embedder;
        this.config = config;
        this.taxonomy = Taxonomy.load(config.defectTaxonomy());
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    /** The defect class of a quality report's text, with alternatives and the examples that support it. */
    public ClassificationView classify(String text) {
        Trained model = model();
        float[] vector = embedder.embed(List.of(text), Embedder.Role.PASSAGE).getFirst();
        Prediction p = model.model().predict(text, vector);
        String label = p.confidence() >= config.minConfidence() ? p.top() : Prediction.UNKNOWN;
        return new ClassificationView(label, p.confidence(), p.alternatives(), model.name(), p.evidence());
    }

    /** The model for the corrections as they are now, trained again when they changed. */
    Trained model() {
        long stamp = repository.correctionsStamp(taxonomy.labels());
        Trained known = current;
        if (known != null && known.stamp() == stamp) {
            return known;
        }
        synchronized (this) {
            if (current == null || current.stamp() != stamp) {
                boolean replacing = current != null;
                current = train(stamp);
                if (replacing) {
                    // the quality reports labelled by the previous model get the new one's labels
                    repository.enqueueModelLabelled(RecordKind.QUALITY_REPORT.code());
                }
            }
            return current;
        }
    }

    private Trained train(long stamp) {
        long start = System.nanoTime();
        TrainingExamples gathered = new TrainingExamples();
        taxonomy.classes().forEach(c -> gathered.add(c.description(), c.label(), null, "defect class description"));
        gathered.addFiles(config.defectTrainingData(), "seed example (written by the team)");
        int corrections = 0;
        for (ClassifierRepository.Correction c : repository.engineerLabels()) {
            if (taxonomy.find(c.label()).isPresent()) {
                gathered.add(c.text(), c.label(), c.recordId(), "engineer's correction");
                corrections++;
            }
        }
        List<LabelledText> examples = gathered.embed(embedder, share -> {});
        FaultModel model = Trainer.train(taxonomy.labels(), examples, embedder.dimensions(), TrainOptions.defaults(),
                p -> {});
        int n = ++trainings;
        LOG.infof("defect classifier trained on %d examples (%d corrections) in %d ms", examples.size(), corrections,
                (System.nanoTime() - start) / 1_000_000);
        return new Trained(model, stamp, "defect-classifier@" + n);
    }
}
