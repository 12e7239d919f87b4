package dev.faultline.classify;

import dev.faultline.audit.AuditService;
import dev.faultline.classify.head.Prediction;
import dev.faultline.error.FieldError;
import dev.faultline.error.ProblemException;
import dev.faultline.search.Cjk;
import dev.faultline.model.CjkEmbedder;
import dev.faultline.model.Embedder;
import dev.faultline.record.RecordKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Classifying texts (queued records: QueuedClassification), engineers' corrections, and what the classifier is. */
@ApplicationScoped
public class ClassifierService {

    private final ClassifierRepository repository;
    private final ClassifierModels models;
    private final Embedder embedder;
    private final CjkEmbedder cjk;
    private final ClassifyConfig config;
    private final AuditService audit;
    private final DefectClassifier defects;

    ClassifierService(ClassifierRepository repository, ClassifierModels models, Embedder embedder, CjkEmbedder cjk,
            ClassifyConfig config, AuditService audit, DefectClassifier defects) {
        this.cjk = cjk;
        this.defects = defects;
        this.repository = repository;
        this.models = models;
        this.embedder = embedder;
        this.config = config;
        this.audit = audit;
    }

    /**
     * Classifies a text; with a site, only among that site's own labels. Text written in a CJK script goes to the CJK
     * model's head when there is one.
     */
    public ClassificationView classify(String text, String site) {
        ClassifierModels.Loaded loaded = models.current().orElseThrow(ClassifierService::notReady);
        Embedder model = embedder;
        var head = Cjk.written(text) ? models.cjk() : java.util.Optional.<ClassifierModels.Loaded>empty();
        var second = head.isPresent() ? cjk.get() : java.util.Optional.<Embedder>empty();
        if (second.isPresent()) {
            loaded = head.get();
            model = second.get();
        }
        float[] vector = model.embed(List.of(text), Embedder.Role.PASSAGE).getFirst();
        Prediction p = loaded.model().predict(text, vector, site == null ? null : repository.siteLabels(site));
        return new ClassificationView(config.label(p), p.confidence(), p.alternatives(), loaded.name(), p.evidence());
    }

    /** An engineer sets a record's fault class; it is kept over any model's and feeds the next training. */
    @Transactional
    public CorrectionView correct(long recordId, String label, String actor) {
        if (label == null || label.isBlank()) {
            throw ProblemException.invalid(List.of(FieldError.of("label", "is required: one of the fault classes")));
        }
        String l = label.strip();
        String[] previous = repository.lockLabel(recordId)
                .orElseThrow(() -> ProblemException.notFound("Record", recordId));
        if (!labelsFor(previous[2]).contains(l)) {
            boolean quality = RecordKind.QUALITY_REPORT.code().equals(previous[2]);
            throw ProblemException.invalid(List.of(FieldError.of("label", "'" + l + "' is not a "
                    + (quality ? "defect class of quality reports; GET /api/v1/defect-classes lists them"
                            : "fault class; GET /api/v1/fault-classes lists them"))));
        }
        var at = repository.correct(recordId, previous[0], previous[1], l, actor);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("label", l);
        details.put("previousLabel", previous[0]);
        details.put("previousSource", previous[1]);
        audit.record(actor, "fault_class.correct", "record", Long.toString(recordId), details);
        return new CorrectionView(recordId, l, previous[0], previous[1], actor, at);
    }

    /** The fault classes in use at a site (all of them when the site has no list of its own, or no site). */
    public List<Taxonomy.FaultClass> faultClasses(String site) {
        java.util.Set<String> own = site == null || site.isBlank() ? java.util.Set.of() : repository.siteLabels(site);
        return models.taxonomy().classes().stream().filter(c -> own.isEmpty() || own.contains(c.label())).toList();
    }

    /** Sets a site's own subset of the taxonomy (empty: the whole taxonomy again); its records are reclassified. */
    @Transactional
    public List<Taxonomy.FaultClass> setSiteClasses(String site, List<String> labels, String actor) {
        if (labels == null) {
            throw ProblemException.invalid(List.of(FieldError.of("labels",
                    "is required: the site's fault classes, or [] for all of them")));
        }
        List<String> unknown = labels.stream().filter(l -> l == null || models.taxonomy().find(l).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid(List.of(FieldError.of("labels",
                    "not fault classes: " + unknown + "; GET /api/v1/fault-classes lists them")));
        }
        int queued = repository.replaceSiteLabels(site, labels);
        audit.record(actor, "fault_classes.site", "site", site, Map.of("labels", labels, "requeued", queued));
        return faultClasses(site);
    }

    /** The labels a record of this kind is classified into: defect classes for quality reports. */
    public List<String> labelsFor(String kind) {
        return (RecordKind.QUALITY_REPORT.code().equals(kind) ? defects.taxonomy() : models.taxonomy()).labels();
    }

    public List<CorrectionView> corrections(long recordId) {
        return repository.corrections(recordId);
    }

    @Transactional
    public TrainingRunView requestTraining(String actor) {
        TrainingRunView run = repository.createRun(actor);
        audit.record(actor, "classifier.train", "classifier_run", Long.toString(run.id()), Map.of());
        return run;
    }

    public TrainingRunView run(long id) {
        return repository.run(id).orElseThrow(() -> ProblemException.notFound("Training run", id));
    }

    public ClassifierView classifier() {
        var loaded = models.current();
        var second = models.cjk();
        var stored = loaded.map(ClassifierModels.Loaded::stored);
        return new ClassifierView(loaded.map(ClassifierModels.Loaded::name).orElse(null),
                stored.map(ClassifierRepository.StoredModel::version).orElse(null),
                stored.map(ClassifierRepository.StoredModel::createdAt).orElse(null),
                stored.map(ClassifierRepository.StoredModel::examples).orElse(0),
                stored.map(ClassifierRepository.StoredModel::corrections).orElse(0), embedder.modelId(),
                config.taxonomy(), second.map(ClassifierModels.Loaded::name).orElse(null),
                second.map(l -> l.stored().embeddingModel()).orElse(null), repository.queued(),
                repository.latestRun().orElse(null));
    }

    public Taxonomy taxonomy() {
        return models.taxonomy();
    }

    private static ProblemException notReady() {
        return new ProblemException(503, "Classifier not ready",
                "the first fault classifier is still being trained; GET /api/v1/classifier shows its progress",
                List.of());
    }
}
