package dev.faultline.classify;

import dev.faultline.classify.head.FaultModel;
import dev.faultline.classify.head.FaultModelCodec;
import dev.faultline.model.Embedder;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The fault model in use: the newest stored one for this embedding model and taxonomy, loaded at start and again
 * whenever another instance (or this one) stores a newer version.
 */
@ApplicationScoped
public class ClassifierModels {

    private static final Logger LOG = Logger.getLogger(ClassifierModels.class);

    /** A loaded model and what the database says about it. */
    record Loaded(FaultModel model, ClassifierRepository.StoredModel stored) {
        String name() {
            return "fault-classifier@v" + stored.version();
        }
    }

    private final ClassifierRepository repository;
    private final Embedder embedder;
    private final Taxonomy taxonomy;
    private final String key;
    private volatile Loaded current;
    // the newest version number the database had when last asked: a model is read (and decoded) once per version,
    // and never again for versions of another embedding model or taxonomy
    private volatile long checked = -1;
    private final AtomicInteger decoded = new AtomicInteger();

    ClassifierModels(ClassifierRepository repository, Embedder embedder, ClassifyConfig config) {
        this.repository = repository;
        this.embedder = embedder;
        this.taxonomy = Taxonomy.load(config.taxonomy());
        this.key = taxonomy.key() + "-data-" + ClassifierTraining.fingerprint(config.trainingData());
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
        long newest = repository.latestVersion();
        if (newest > checked) {
            synchronized (this) {
                if (newest > checked) {
                    repository.latestModel(embedder.modelId(), key)
                            .filter(s -> current == null || s.version() > current.stored().version())
                            .ifPresent(s -> {
                                try {
                                    current = new Loaded(FaultModelCodec.read(s.payload()), s);
                                    decoded.incrementAndGet();
                                } catch (FaultModelCodec.UnknownFormat older) {
                                    // an earlier version's model: none in use until the start-up training replaces it
                                    LOG.warnf(
                                            "fault classifier v%d: %s; training a new one", s.version(),
                                            older.getMessage());
                                }
                            });
                    checked = newest;
                }
            }
        }
        return Optional.ofNullable(current);
    }

    /** How many models this instance has decoded since it started (each version once). */
    int decoded() {
        return decoded.get();
    }
}
