package dev.faultline.classify;

import dev.faultline.classify.head.FaultModel;
import dev.faultline.classify.head.FaultModelCodec;
import dev.faultline.model.CjkEmbedder;
import dev.faultline.model.Embedder;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The fault models in use: the newest stored one for this taxonomy and the app's embedding model, and, when a CJK
 * embedding model is configured, the newest for that model (the head Chinese, Japanese and Korean text is classified
 * with: its vectors read that text far better, BENCHMARKS.md); each loaded at start and again whenever another
 * instance (or this one) stores a newer version.
 */
@ApplicationScoped
public class ClassifierModels {

    private static final Logger LOG = Logger.getLogger(ClassifierModels.class);

    /** A loaded model and what the database says about it. */
    record Loaded(FaultModel model, ClassifierRepository.StoredModel stored, String prefix) {
        String name() {
            return prefix + "@v" + stored.version();
        }
    }

    private final ClassifierRepository repository;
    private final Taxonomy taxonomy;
    private final String key;
    private final Slot main;
    private final Slot cjk;
    private final AtomicInteger decoded = new AtomicInteger();

    ClassifierModels(ClassifierRepository repository, Embedder embedder, CjkEmbedder cjkEmbedder,
            ClassifyConfig config) {
        this.repository = repository;
        this.taxonomy = Taxonomy.load(config.taxonomy());
        this.key = taxonomy.key() + "-data-" + ClassifierTraining.fingerprint(config.trainingData());
        this.main = new Slot(embedder.modelId(), "fault-classifier");
        this.cjk = cjkEmbedder.modelId().map(id -> new Slot(id, "fault-classifier-cjk")).orElse(null);
    }

    /**
     * What a stored model must have been trained for to be used: this taxonomy and these labelled files, by content.
     * A new release's (or a plant's) changed training files make the next start train a new model, as a changed
     * taxonomy does; engineers' corrections are read at every training and need no key.
     */
    String key() {
        return key;
    }

    Taxonomy taxonomy() {
        return taxonomy;
    }

    /** The model in use; empty until the first training has finished. */
    Optional<Loaded> current() {
        return main.get();
    }

    /** The CJK model's head; empty when no CJK model is configured or none is trained for it yet. */
    Optional<Loaded> cjk() {
        return cjk == null ? Optional.empty() : cjk.get();
    }

    /** Whether a training is due: no model for the main embedding model, or none for a configured CJK model. */
    boolean missing() {
        return current().isEmpty() || (cjk != null && cjk().isEmpty());
    }

    /** How many models this instance has decoded since it started (each version once). */
    int decoded() {
        return decoded.get();
    }

    /** The newest stored model of one embedding model, read (and decoded) once per version. */
    private final class Slot {

        private final String embeddingModel;
        private final String prefix;
        private volatile Loaded current;
        // the newest version number the database had when last asked: never read again for other models' versions
        private volatile long checked = -1;

        Slot(String embeddingModel, String prefix) {
            this.embeddingModel = embeddingModel;
            this.prefix = prefix;
        }

        Optional<Loaded> get() {
            long newest = repository.latestVersion();
            if (newest > checked) {
                synchronized (this) {
                    if (newest > checked) {
                        repository.latestModel(embeddingModel, key)
                                .filter(s -> current == null || s.version() > current.stored().version())
                                .ifPresent(this::decode);
                        checked = newest;
                    }
                }
            }
            return Optional.ofNullable(current);
        }

        private void decode(ClassifierRepository.StoredModel s) {
            try {
                current = new Loaded(FaultModelCodec.read(s.payload()), s, prefix);
                decoded.incrementAndGet();
            } catch (FaultModelCodec.UnknownFormat older) {
                // an earlier version's model: none in use until the start-up training replaces it
                LOG.warnf("%s v%d: %s; training a new one", prefix, s.version(), older.getMessage());
            }
        }
    }
}
