package dev.faultline.ingest;

import dev.faultline.audit.AuditService;
import dev.faultline.error.FieldError;
import dev.faultline.error.ProblemException;
import dev.faultline.record.RecordKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Writing records: validated all-or-nothing batches from REST, and already-validated rows from imports. */
@ApplicationScoped
public class IngestService {

    static final String DEFAULT_KIND = RecordKind.MAINTENANCE_LOG.code();

    private final RecordValidator validator;
    private final RecordWriteRepository repository;
    private final IngestConfig config;
    private final AuditService audit;
    private final dev.faultline.webhook.WebhookEvents webhooks;

    IngestService(RecordValidator validator, RecordWriteRepository repository, IngestConfig config,
            AuditService audit, dev.faultline.webhook.WebhookEvents webhooks) {
        this.validator = validator;
        this.repository = repository;
        this.config = config;
        this.audit = audit;
        this.webhooks = webhooks;
    }

    /** Validates every record first; one invalid record means 422 listing all problems and nothing written. */
    @Transactional
    public IngestResponse ingest(RecordBatchRequest request, String actor) {
        List<RecordInput> inputs = request == null ? null : request.records();
        if (inputs == null || inputs.isEmpty() || inputs.size() > config.maxBatchSize()) {
            throw ProblemException.invalid(List.of(FieldError.of("records",
                    "must hold 1 to " + config.maxBatchSize() + " records"
                            + (inputs == null ? "" : "; it holds " + inputs.size()))));
        }
        List<FieldError> errors = new ArrayList<>();
        List<ValidRecord> valid = new ArrayList<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            RecordInput in = inputs.get(i);
            if (in == null) {
                errors.add(FieldError.of("records[" + i + "]", "must be a record object, not null"));
                continue;
            }
            RecordValidator.Checked checked = validator.check(in, "records[" + i + "].", null, null, DEFAULT_KIND);
            errors.addAll(checked.errors());
            if (checked.record() != null) {
                Integer earlier = firstIndex.putIfAbsent(checked.record().key(), i);
                if (earlier != null) {
                    errors.add(FieldError.of("records[" + i + "].externalId",
                            "repeats records[" + earlier + "] (same source and externalId)"));
                }
                valid.add(checked.record());
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        List<UpsertResult> results = write(valid);
        audit.recordChanges(actor, results.stream()
                .filter(r -> r.status() != UpsertResult.Status.unchanged)
                .map(r -> new AuditService.Change(r.status().name(), "record", String.valueOf(r.id()),
                        Map.of("source", r.source(), "externalId", r.externalId())))
                .toList());
        return new IngestResponse(results);
    }

    /**
     * Upserts validated records and their assets in one transaction. Repeated keys are allowed (a file may
     * hold the same record twice): the later one wins, and each gets its own result, in input order.
     */
    @Transactional
    public List<UpsertResult> write(List<ValidRecord> records) {
        try {
            repository.upsertAssets(mergedAssets(records));
            List<UpsertResult> results = new ArrayList<>(records.size());
            for (List<ValidRecord> group : groupsWithUniqueKeys(records)) {
                results.addAll(repository.upsertRecords(group));
            }
            // in this transaction: a rolled-back batch announces nothing
            webhooks.publishAll(dev.faultline.webhook.EventTypes.RECORD_CREATED, results.stream()
                    .filter(r -> r.status() == UpsertResult.Status.created)
                    .map(r -> java.util.Map.<String, Object>of("id", r.id(), "source", r.source(), "externalId",
                            r.externalId(), "href", "/api/v1/records/" + r.id()))
                    .toList());
            return results;
        } catch (SQLException e) {
            throw new IllegalStateException("writing " + records.size() + " records: " + e.getMessage(), e);
        }
    }

    /**
     * Creates or updates one asset (name, type, site, line; what is left out keeps its stored value): for assets
     * that have readings before they have records, and for CMMS systems that own the asset register.
     */
    @Transactional
    public void upsertAsset(AssetInput asset, String actor) {
        List<AssetInput> checked = new ArrayList<>();
        List<FieldError> errors = validator.checkAsset(asset, checked).errors();
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        try {
            repository.upsertAssets(checked);
        } catch (SQLException e) {
            throw new IllegalStateException("writing asset " + asset.id() + ": " + e.getMessage(), e);
        }
        audit.record(actor, "upserted", "asset", asset.id(), Map.of());
    }

    /**
     * Makes sure assets with these ids exist (created with their id alone when they do not), in the caller's
     * transaction: for data about an asset that arrives before any record does (sensor readings).
     */
    @Transactional
    public void ensureAssets(java.util.Collection<String> ids) {
        try {
            repository.insertMissingAssets(ids.stream().distinct().sorted().toList());
        } catch (SQLException e) {
            throw new IllegalStateException("creating assets: " + e.getMessage(), e);
        }
    }

    /** One entry per asset id, later non-null attributes overriding earlier ones; sorted to keep lock order. */
    private static List<AssetInput> mergedAssets(List<ValidRecord> records) {
        Map<String, AssetInput> merged = new LinkedHashMap<>();
        for (ValidRecord r : records) {
            AssetInput a = r.asset();
            if (a != null) {
                merged.merge(a.id(), a, (old, neu) -> new AssetInput(old.id(), or(neu.name(), old.name()),
                        or(neu.type(), old.type()), or(neu.site(), old.site()), or(neu.line(), old.line())));
            }
        }
        return merged.values().stream().sorted(Comparator.comparing(AssetInput::id)).toList();
    }

    /** Splits the list where a key repeats, so no single statement touches a row twice. */
    private static List<List<ValidRecord>> groupsWithUniqueKeys(List<ValidRecord> records) {
        List<List<ValidRecord>> groups = new ArrayList<>();
        List<ValidRecord> current = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (ValidRecord r : records) {
            if (!keys.add(r.key())) {
                groups.add(current);
                current = new ArrayList<>();
                keys.clear();
                keys.add(r.key());
            }
            current.add(r);
        }
        groups.add(current);
        return groups;
    }

    private static String or(String preferred, String fallback) {
        return preferred != null ? preferred : fallback;
    }
}
