package dev.faultline.summarize;

import dev.faultline.error.FieldError;
import dev.faultline.error.ProblemException;
import dev.faultline.record.ListParams;
import dev.faultline.record.Page;
import dev.faultline.record.RecordConfig;
import dev.faultline.record.RecordFilter;
import dev.faultline.record.RecordService;
import dev.faultline.record.RecordView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * What a summary request stands for: the records to read (at most {@code faultline.summary.max-records}, newest
 * first) and how many matched; or, cheaply, only which records in which version ({@link Fingerprint}), enough to
 * find a cached summary without reading any text.
 */
@ApplicationScoped
class SummaryInputs {

    record Input(List<RecordView> records, long matching) {
        Fingerprint fingerprint() {
            return new Fingerprint(records.stream().map(RecordView::fingerprint).toList(), matching);
        }
    }

    record Fingerprint(List<RecordView.Fingerprint> records, long matching) {}

    private final RecordService records;
    private final SummaryConfig config;
    private final RecordConfig recordConfig;

    SummaryInputs(RecordService records, SummaryConfig config, RecordConfig recordConfig) {
        this.records = records;
        this.config = config;
        this.recordConfig = recordConfig;
    }

    Input input(SummaryRequest r) {
        check(r);
        if (r.recordId() != null) {
            return new Input(List.of(records.record(r.recordId())), 1);
        }
        if (r.recordIds() != null) {
            List<RecordView> found = records.records(r.recordIds());
            if (found.size() != r.recordIds().stream().distinct().count()) {
                throw ProblemException.invalid(List.of(FieldError.of("recordIds", "lists ids of records that do not exist")));
            }
            return new Input(found, found.size());
        }
        Page<RecordView> page = records.records(filter(r.filter()), config.maxRecords(), 0);
        return new Input(page.items(), page.total());
    }

    /** The same records as {@link #input}, by id and version only. */
    Fingerprint fingerprint(SummaryRequest r) {
        check(r);
        if (r.recordId() != null) {
            return new Fingerprint(records.fingerprints(List.of(r.recordId())), 1);
        }
        if (r.recordIds() != null) {
            List<RecordView.Fingerprint> found = records.fingerprints(r.recordIds());
            return new Fingerprint(found, found.size());
        }
        RecordFilter filter = filter(r.filter());
        return new Fingerprint(records.fingerprints(filter, config.maxRecords()), records.count(filter));
    }

    private RecordFilter filter(SummaryRequest.Filter f) {
        return ListParams.filter(f.asset(), f.site(), f.kind(), f.source(), f.from(), f.to(), f.faultClass(),
                recordConfig.defaultZone());
    }

    private void check(SummaryRequest r) {
        int given = (r == null ? 0 : (r.recordId() != null ? 1 : 0) + (r.recordIds() != null ? 1 : 0)
                + (r.filter() != null ? 1 : 0));
        if (given != 1) {
            throw ProblemException.invalid(List.of(FieldError.of("recordId",
                    "give exactly one of recordId, recordIds or filter")));
        }
        if (r.recordIds() != null && (r.recordIds().isEmpty() || r.recordIds().size() > config.maxRecords())) {
            throw ProblemException.invalid(List.of(FieldError.of("recordIds",
                    "must list 1 to " + config.maxRecords() + " record ids")));
        }
    }
}
