package dev.faultline.record;

import dev.faultline.error.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Reading records and assets: the use cases behind the record and asset lists and detail views. */
@ApplicationScoped
public class RecordService {

    private final RecordRepository records;
    private final AssetRepository assets;
    private final FailureRepository failures;

    RecordService(RecordRepository records, AssetRepository assets, FailureRepository failures) {
        this.records = records;
        this.assets = assets;
        this.failures = failures;
    }

    /** Assets of a type (sensor models bind to them), optionally of a site and among some ids; null: any. */
    public List<AssetView.Ref> assetsOfType(String type, String site, java.util.Collection<String> ids) {
        return failures.ofType(type, site, ids);
    }

    /** The records tagged {@code failure} of these assets, oldest first: what sensor models learn from. */
    public List<FailureView> failures(java.util.Collection<String> assets) {
        return failures.of(assets);
    }

    public RecordView record(long id) {
        return records.findById(id).orElseThrow(() -> ProblemException.notFound("Record", id));
    }

    /** The record a source system knows by this id, if it was sent. */
    public java.util.Optional<RecordView> record(String source, String externalId) {
        return records.findByKey(source, externalId);
    }

    /** Records by id, in the given order (for search results). */
    public List<RecordView> records(List<Long> ids) {
        return records.findByIds(ids);
    }

    public Page<RecordView> records(RecordFilter filter, int limit, int offset) {
        return records(RecordQuery.of(filter), limit, offset);
    }

    /** A page of records matching the filters and words, in the query's order. */
    public Page<RecordView> records(RecordQuery query, int limit, int offset) {
        return new Page<>(records.find(query, limit, offset), records.count(query), limit, offset);
    }

    /** Which records (and which versions of them) {@link #records(RecordFilter, int, int)} would list. */
    public List<RecordView.Fingerprint> fingerprints(RecordFilter filter, int limit) {
        return records.fingerprints(RecordQuery.of(filter), limit);
    }

    public List<RecordView.Fingerprint> fingerprints(List<Long> ids) {
        return records.fingerprints(ids);
    }

    /** Every record of a list as CSV, streamed from a cursor (100k rows or more without holding them). */
    public void export(RecordQuery query, java.io.OutputStream out) throws java.io.IOException {
        try (RecordCsv csv = new RecordCsv(out)) {
            records.each(query, csv.rows());
        }
    }

    public long count(RecordFilter filter) {
        return records.count(RecordQuery.of(filter));
    }

    /** A page of an asset's timeline; {@code total} is the asset's record count. */
    public Page<TimelineEntry> timeline(AssetView asset, int limit, int offset) {
        return new Page<>(records.timeline(asset.id(), limit, offset), asset.recordCount(), limit, offset);
    }

    public AssetView asset(String id) {
        return assets.findById(id).orElseThrow(() -> ProblemException.notFound("Asset", id));
    }

    public Page<AssetView> assets(String site, String prefix, int limit, int offset) {
        String s = site == null || site.isBlank() ? null : site.strip();
        String p = prefix == null || prefix.isBlank() ? null : prefix.strip();
        return new Page<>(assets.find(s, p, limit, offset), assets.count(s, p), limit, offset);
    }
}
