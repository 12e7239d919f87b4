package dev.faultline.classify;

import dev.faultline.classify.head.FaultModel;
import dev.faultline.classify.head.FaultModelCodec;
import dev.faultline.classify.head.LabelledText;
import dev.faultline.classify.head.TrainOptions;
import dev.faultline.classify.head.Trainer;
import dev.faultline.model.CjkEmbedder;
import dev.faultline.model.Embedder;
import dev.faultline.model.ModelManifest;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Trains fault models as jobs: the configured labelled files, each class's description, and every engineer's
 * correction, embedded with the app's model; when a CJK model is configured, those written in a CJK script and the
 * descriptions are embedded with it too for a second head (Chinese, Japanese and Korean text is classified with that
 * model's vectors). Each result is stored as a new version and every model-labelled record is queued for
 * reclassification. The first start trains one when none fits the embedding model, the taxonomy and the labelled
 * files ({@link ClassifierModels#key()}). Training is deterministic (LIBLINEAR from zero,
 * its random generator reset, examples in a fixed order).
 */
@ApplicationScoped
public class ClassifierTraining {

    private static final Logger LOG = Logger.getLogger(ClassifierTraining.class);
    private static final String DESCRIPTION = "taxonomy description";

    private final ClassifierRepository repository;
    private final ClassifierModels models;
    private final Embedder embedder;
    private final CjkEmbedder cjk;
    private final ClassifyConfig config;

    ClassifierTraining(ClassifierRepository repository, ClassifierModels models, Embedder embedder, CjkEmbedder cjk,
            ClassifyConfig config) {
        this.repository = repository;
        this.models = models;
        this.embedder = embedder;
        this.cjk = cjk;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        int interrupted = repository.requeueInterruptedRuns();
        if (interrupted > 0) {
            LOG.infof("%d interrupted classifier training run(s) queued again", interrupted);
        }
        if (models.missing() && repository.openRuns() == 0) {
            LOG.infof("no fault classifier for %s%s and this taxonomy yet: training one", embedder.modelId(),
                    cjk.modelId().map(id -> " (and " + id + ")").orElse(""));
            repository.createRun("system");
        }
    }

    /** Runs the oldest queued training, if any; answers whether there was one. */
    boolean runNext() {
        return repository.startNextRun().map(run -> {
            try {
                int version = train(run.id());
                repository.finishRun(run.id(), version, "done", null);
                LOG.infof("fault classifier v%d trained (run %d)", version, run.id());
            } catch (RuntimeException e) {
                LOG.errorf(e, "fault classifier training run %d failed", run.id());
                repository.finishRun(run.id(), null, "failed", e.getMessage());
            }
            return true;
        }).orElse(false);
    }

    private int train(long runId) {
        Taxonomy taxonomy = models.taxonomy();
        TrainingExamples gathered = new TrainingExamples();
        gathered.addFiles(config.trainingData(), null);
        taxonomy.classes().forEach(c -> gathered.add(c.description(), c.label(), null, DESCRIPTION));
        List<ClassifierRepository.Correction> corrections = repository.engineerLabels();
        corrections.forEach(c -> gathered.add(c.text(), c.label(), c.recordId(), "engineer's correction"));
        var second = cjk.get();
        TrainingExamples written = second.isPresent() ? gathered.cjkAndDescriptions(DESCRIPTION) : null;
        // progress in proportion to the examples each head learns from
        double share = written == null ? 1 : (double) gathered.size() / (gathered.size() + written.size());
        FaultModel model = fit(runId, taxonomy, gathered, embedder, 0, share);
        int version = repository.saveModel(embedder.modelId(), models.key(), model.examples().size(),
                corrections.size(), FaultModelCodec.write(model));
        if (second.isPresent()) {
            FaultModel cjkModel = fit(runId, taxonomy, written, second.get(), share, 1 - share);
            int cjkVersion = repository.saveModel(second.get().modelId(), models.key(), cjkModel.examples().size(),
                    corrections.size(), FaultModelCodec.write(cjkModel));
            LOG.infof("fault classifier v%d for CJK text (%s)", cjkVersion, second.get().modelId());
        }
        int queued = repository.enqueueModelLabelled(null);
        LOG.infof("fault classifier v%d: %d examples (%d corrections); %d records queued for reclassification",
                version, model.examples().size(), corrections.size(), queued);
        return version;
    }

    /**
     * Embeds the examples with {@code model} and trains a head on them; progress from {@code from}, over {@code span}.
     */
    private FaultModel fit(long runId, Taxonomy taxonomy, TrainingExamples gathered, Embedder model, double from,
            double span) {
        List<LabelledText> examples = gathered.embed(model, s -> repository.progress(runId, from + 0.5 * span * s));
        double[] reported = {0};
        return Trainer.train(taxonomy.labels(), examples, model.dimensions(), TrainOptions.defaults(), p -> {
            if (p - reported[0] >= 0.05) {
                reported[0] = p;
                repository.progress(runId, from + span * (0.5 + 0.45 * p));
            }
        });
    }

    /** The first 16 hex digits of the SHA-256 of these files' bytes, in order. */
    static String fingerprint(List<String> locations) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (String location : locations) {
                try (InputStream in = ModelManifest.open(location)) {
                    sha.update(location.getBytes(StandardCharsets.UTF_8));
                    sha.update(in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException("faultline.classify.training-data: cannot read " + location, e);
                }
            }
            return java.util.HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code text,label} lines; the label is after the last comma (texts may contain commas). */
    static List<String[]> read(String location) {
        String content;
        try (InputStream in = ModelManifest.open(location)) {
            content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("faultline.classify.training-data: cannot read " + location, e);
        }
        List<String[]> rows = new ArrayList<>();
        for (String line : content.split("\n")) {
            int comma = line.lastIndexOf(',');
            if (!line.isBlank() && comma > 0) {
                rows.add(new String[] {line.substring(0, comma).strip(), line.substring(comma + 1).strip()});
            }
        }
        return rows;
    }
}
