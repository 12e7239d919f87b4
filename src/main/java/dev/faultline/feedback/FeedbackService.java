package dev.faultline.feedback;

import dev.faultline.error.FieldError;
import dev.faultline.error.ProblemException;
import dev.faultline.record.RecordCsv;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Thumbs up and down on search results and answers: kept, summed for admins, exported for the evaluation. */
@ApplicationScoped
public class FeedbackService {

    private final FeedbackRepository feedback;

    FeedbackService(FeedbackRepository feedback) {
        this.feedback = feedback;
    }

    public FeedbackView judge(FeedbackRequest r, String actor) {
        List<FieldError> errors = new ArrayList<>();
        if (r == null || r.kind() == null || !List.of("search", "answer").contains(r.kind())) {
            errors.add(FieldError.of("kind", "must be search or answer"));
        }
        if (r == null || r.query() == null || r.query().isBlank() || r.query().length() > 2000) {
            errors.add(FieldError.of("query", "is required: the search or the question judged (at most 2,000 characters)"));
        }
        if (r == null || r.useful() == null) {
            errors.add(FieldError.of("useful", "is required: true or false"));
        }
        if (r != null && "search".equals(r.kind()) && r.recordId() == null) {
            errors.add(FieldError.of("recordId", "is required for a search result"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return feedback.upsert(r.kind(), r.query().strip(), r.recordId(), r.useful(), actor);
    }

    public FeedbackSummary summary() {
        return new FeedbackSummary(feedback.figures());
    }

    public List<FeedbackView> latest(Boolean useful, int limit) {
        return feedback.latest(useful, limit);
    }

    /** A search result as judged: by most of those who judged it. */
    public record Judgement(String query, long recordId, boolean useful) {}

    /**
     * The judged search results of the {@code queries} most recently judged searches, one per query and result, useful
     * when most who judged it said so (a tie is left out): what the search ranking learns from.
     */
    public List<Judgement> searchJudgements(int queries) {
        return feedback.searchJudgements(queries);
    }

    /** Every judgement as CSV (kind, query, record, useful, who, when): judged queries for the evaluation. */
    public void export(OutputStream out) throws IOException {
        try (CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.DEFAULT)) {
            csv.printRecord("kind", "query", "record_id", "useful", "actor", "created_at");
            feedback.each(f -> {
                try {
                    csv.printRecord(f.kind(), RecordCsv.safe(f.query()), f.recordId(), f.useful(),
                            RecordCsv.safe(f.actor()), f.createdAt());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }
}
