package dev.faultline.classify;

import dev.faultline.classify.head.FaultModel;
import dev.faultline.classify.head.FaultModelCodec;
import dev.faultline.model.Embedder;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The fault model in use: the newest stored one for this embedding model and taxonomy, loaded at start and again
 * whenever another instance (or this one) stores a newer version.
 */
@ApplicationScoped
public class ClassifierModels {

    /** A loaded model and what the database says about it. */
    record Loaded(FaultModel model, ClassifierRepository.StoredModel stored) {
        String name() {
            return "fault-classifier@v" + stored.version();
        }
    }

    private final ClassifierRepository repository;
    private final Embedder embedder;
    private final Taxonomy taxonomy;
    private volatile Loaded current;

    ClassifierModels(ClassifierRepository repository, Embedder embedder, ClassifyConfig config) {
        this.repository = repository;
        this.embedder = embedder;
        this.taxonomy = Taxonomy.load(config.taxonomy());
    }

    Taxonomy taxonomy() {
        return taxonomy;
    }

    /** The model in use; empty until the first training has finished. */
    Optional<Loaded> current() {
        long newest = repository.latestVersion();
        Loaded loaded = current;
        if (loaded == null || loaded.stored().version() < newest) {
            synchronized (this) {
                if (current == null || current.stored().version() < newest) {
                    repository.latestModel(embedder.modelId(), taxonomy.key())
                            .ifPresent(s -> current = new Loaded(FaultModelCodec.read(s.payload()), s));
                }
                loaded = current;
            }
        }
        return Optional.ofNullable(loaded);
    }
}
