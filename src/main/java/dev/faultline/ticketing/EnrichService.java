package dev.faultline.ticketing;

import dev.faultline.classify.ClassifierService;
import dev.faultline.error.FieldError;
import dev.faultline.error.ProblemException;
import dev.faultline.predict.PredictionService;
import dev.faultline.record.RecordView;
import dev.faultline.search.SearchService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Enrichment for ticketing systems: the classifier's failure mode, the past records nearest in meaning, a fix
 * drawn from their recorded actions (the action most of them share, else the best match's), and the asset's risk.
 * Nothing is generated: every word of the fix is a record's.
 */
@ApplicationScoped
public class EnrichService {

    static final int SIMILAR = 5;
    static final int MAX_TEXT = 5000;
    /** Field names that hold what was done, in order of preference. */
    static final List<String> ACTION_FIELDS = List.of("resolution", "action", "action_taken", "corrective_action",
            "fix", "repair");

    private final ClassifierService classifier;
    private final SearchService search;
    private final PredictionService predictions;

    EnrichService(ClassifierService classifier, SearchService search, PredictionService predictions) {
        this.classifier = classifier;
        this.search = search;
        this.predictions = predictions;
    }

    public EnrichView enrich(EnrichRequest r) {
        if (r == null || r.text() == null || r.text().isBlank() || r.text().length() > MAX_TEXT) {
            throw ProblemException.invalid(List.of(FieldError.of("text", "is required: the ticket's text, at most "
                    + MAX_TEXT + " characters")));
        }
        String text = r.text().strip();
        var c = classifier.classify(text, blank(r.site()) ? null : r.site().strip());
        List<EnrichView.Similar> similar = search.nearest(text, SIMILAR).stream()
                .map(h -> similar(h.record(), h.score())).toList();
        var risk = blank(r.asset()) ? null : predictions.current(r.asset().strip()).orElse(null);
        return new EnrichView(new EnrichView.FaultClass(c.label(), c.confidence(), c.model()), similar, fix(similar),
                risk);
    }

    private static EnrichView.Similar similar(RecordView r, double score) {
        return new EnrichView.Similar(r.id(), "/api/v1/records/" + r.id(), r.asset() == null ? null : r.asset().id(),
                r.occurredAt(), r.text(), action(r), score);
    }

    static String action(RecordView r) {
        return ACTION_FIELDS.stream().map(f -> r.fields().get(f)).filter(v -> v != null && !v.isBlank()).findFirst()
                .map(String::strip).orElse(null);
    }

    /** The action shared by most similar records (two or more), else the best match's action; null when none has one. */
    static EnrichView.Fix fix(List<EnrichView.Similar> similar) {
        Map<String, List<Long>> byAction = new LinkedHashMap<>();
        for (EnrichView.Similar s : similar) {
            if (s.action() != null) {
                byAction.computeIfAbsent(s.action().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip(),
                        k -> new ArrayList<>()).add(s.recordId());
            }
        }
        if (byAction.isEmpty()) {
            return null;
        }
        var most = byAction.entrySet().stream().max((a, b) -> Integer.compare(a.getValue().size(),
                b.getValue().size())).orElseThrow();
        long first = most.getValue().getFirst();
        String words = similar.stream().filter(s -> s.recordId() == first).findFirst().orElseThrow().action();
        return new EnrichView.Fix(words, most.getValue(), most.getValue().size() > 1
                ? "the action " + most.getValue().size() + " of the " + similar.size() + " most similar records share"
                : "the action of the most similar record that has one");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
