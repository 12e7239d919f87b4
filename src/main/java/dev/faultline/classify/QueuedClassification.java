package dev.faultline.classify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.classify.head.Prediction;
import dev.faultline.record.RecordKind;
import dev.faultline.search.Cjk;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The background classification of queued records, from their stored vectors: quality reports by defect class, the
 * others by failure mode; text written in a CJK script, with its CJK vector, by the CJK model's heads when there are
 * some. Each label is published as a {@code record.classified} event.
 */
@ApplicationScoped
class QueuedClassification {

    private final ClassifierRepository repository;
    private final ClassifierModels models;
    private final DefectClassifier defects;
    private final ClassifyConfig config;
    private final ObjectMapper json;
    private final dev.faultline.webhook.WebhookEvents webhooks;

    QueuedClassification(ClassifierRepository repository, ClassifierModels models, DefectClassifier defects,
            ClassifyConfig config, ObjectMapper json, dev.faultline.webhook.WebhookEvents webhooks) {
        this.repository = repository;
        this.models = models;
        this.defects = defects;
        this.config = config;
        this.json = json;
        this.webhooks = webhooks;
    }

    /** Classifies a batch of queued records; answers how many (0: none or no model). */
    @Transactional
    int classifyQueued() {
        var loaded = models.current();
        if (loaded.isEmpty()) {
            return 0;
        }
        List<ClassifierRepository.Queued> batch = repository.claim(config.batchSize());
        if (batch.isEmpty()) {
            return 0;
        }
        Map<String, Set<String>> sites = repository.siteLabels();
        Optional<ClassifierModels.Loaded> cjkHead = models.cjk();
        Map<Boolean, DefectClassifier.Trained> defectModels = new HashMap<>(); // read once a batch
        try {
            List<ClassifierRepository.Label> labels = new ArrayList<>();
            for (ClassifierRepository.Queued q : batch) {
                if (q.vector() == null) {
                    continue; // dequeued below; re-embedding will queue it again
                }
                boolean second = q.cjkVector() != null && Cjk.written(q.text());
                boolean quality = RecordKind.QUALITY_REPORT.code().equals(q.kind());
                var defectModel = quality ? defectModels.computeIfAbsent(second, defects::model) : null;
                boolean cjkFault = second && cjkHead.isPresent();
                var faultModel = cjkFault ? cjkHead.get() : loaded.get();
                float[] vector = (quality ? defectModel.cjk() : cjkFault) ? q.cjkVector() : q.vector();
                Prediction p = quality ? defectModel.model().predict(q.text(), vector)
                        : faultModel.model().predict(q.text(), vector, q.site() == null ? null : sites.get(q.site()));
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("alternatives", p.alternatives());
                detail.put("evidence", p.evidence());
                labels.add(new ClassifierRepository.Label(q.recordId(), config.label(p), p.confidence(),
                        json.writeValueAsString(detail), quality ? defectModel.name() : faultModel.name()));
            }
            repository.label(labels, batch.stream().map(ClassifierRepository.Queued::recordId).toList());
            webhooks.publishAll(dev.faultline.webhook.EventTypes.RECORD_CLASSIFIED, labels.stream()
                    .map(l -> Map.<String, Object>of("id", l.recordId(), "faultClass", l.label(), "confidence",
                            l.confidence(), "model", l.model(), "href", "/api/v1/records/" + l.recordId()))
                    .toList());
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("classifying queued records: " + e.getMessage(), e);
        }
        return batch.size();
    }
}
