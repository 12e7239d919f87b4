package dev.faultline.ask;

import dev.faultline.error.FieldError;
import dev.faultline.error.ProblemException;
import dev.faultline.model.Embedder;
import dev.faultline.model.Generator;
import dev.faultline.record.ListParams;
import dev.faultline.record.RecordConfig;
import dev.faultline.record.RecordView;
import dev.faultline.search.SearchQuery;
import dev.faultline.search.SearchService;
import dev.faultline.search.SearchView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers a question from the records: hybrid search (with the filters) retrieves the top records; the plant's LLM
 * server writes the answer when one is configured, checked sentence by sentence ({@link LlmAnswerer}); otherwise,
 * or when it fails or none of its sentences holds, the extractive answerer does, with a notice.
 */
@ApplicationScoped
public class AskService {

    private final SearchService search;
    private final Generator generator;
    private final ExtractiveAnswerer extractive;
    private final LlmAnswerer llm;
    private final AskConfig config;
    private final RecordConfig records;
    private final dev.faultline.predict.PredictionService predictions;
    private final CountingAnswerer counting;

    AskService(SearchService search, Generator generator, ExtractiveAnswerer extractive,
            LlmAnswerer llm, AskConfig config, RecordConfig records,
            dev.faultline.predict.PredictionService predictions, CountingAnswerer counting) {
        this.counting = counting;
        this.predictions = predictions;
        this.search = search;
        this.generator = generator;
        this.extractive = extractive;
        this.llm = llm;
        this.config = config;
        this.records = records;
    }

    /** Which generator answers by default, for the page. */
    public String generatorName() {
        return generator.available() ? generator.name() : ExtractiveAnswerer.NAME;
    }

    public AskView ask(AskRequest request) {
        return answer(request, null);
    }

    /** As {@link #ask}, telling {@code events} the retrieved records first and then each checked sentence. */
    public AskView stream(AskRequest request, AskEvents events) {
        return answer(request, events);
    }

    private AskView answer(AskRequest request, AskEvents events) {
        String question = check(request);
        // "how many", "since when", "which asset most": counted in the database, whichever generator is set
        java.util.Optional<AskView> counted = counting.answer(question,
                request.filters() == null ? AskRequest.Filters.NONE : request.filters(), records.defaultZone());
        if (counted.isPresent()) {
            if (events != null) {
                counted.get().retrieved().forEach(events::retrieved);
            }
            return counted.get();
        }
        // the model for the question's script: the CJK model for Chinese, the same one search takes
        Embedder model = search.modelFor(question);
        float[] vector = model.embed(List.of(question), Embedder.Role.QUERY).getFirst();
        SearchView found = search.search(query(question, request.filters()), vector);
        return answer(question, vector, model, found, events).withPredictions(predictions(request, found));
    }

    /** At most this many assets' predictions beside an answer. */
    static final int PREDICTED_ASSETS = 5;

    /** The current prediction of the filtered asset and of the retrieved records' assets, apart from the records. */
    private List<AskView.Prediction> predictions(AskRequest request, SearchView found) {
        java.util.LinkedHashSet<String> assets = new java.util.LinkedHashSet<>();
        if (request.filters() != null && request.filters().asset() != null && !request.filters().asset().isBlank()) {
            assets.add(request.filters().asset().strip());
        }
        found.items().stream().filter(h -> h.record().asset() != null).forEach(h -> assets.add(h.record().asset().id()));
        List<AskView.Prediction> out = new ArrayList<>();
        for (String asset : assets) {
            if (out.size() == PREDICTED_ASSETS) {
                break;
            }
            try {
                predictions.current(asset).ifPresent(p -> out.add(new AskView.Prediction(asset, p.model(), p.version(),
                        p.kind(), p.citation(), p.atRisk(), p.reason())));
            } catch (RuntimeException e) {
                // an asset gone since it was retrieved: no prediction to show
            }
        }
        return out;
    }

    // the question is embedded once: for the semantic half of the search and for the extractive answer
    private AskView answer(String question, float[] vector, Embedder model, SearchView found, AskEvents events) {
        List<AskView.Retrieved> retrieved = retrieved(found.items());
        if (events != null) {
            retrieved.forEach(events::retrieved);
        }
        String notice = null;
        if (generator.available() && !retrieved.isEmpty()) {
            LlmAnswerer.Outcome outcome = llm.answer(question, retrieved, events);
            if (outcome.view() != null) {
                return outcome.view();
            }
            notice = outcome.notice();
        }
        ExtractiveAnswerer.Answer a = extractive.answer(question, vector, model, retrieved, found.total());
        return new AskView(a.text(), citations(a.cited(), retrieved), ExtractiveAnswerer.NAME, notice, retrieved,
                List.of());
    }

    private String check(AskRequest request) {
        String q = request == null ? null : request.question();
        if (q == null || q.isBlank()) {
            throw ProblemException.invalid(List.of(FieldError.of("question", "is required: what you want to know")));
        }
        if (q.length() > config.maxQuestion()) {
            throw ProblemException.invalid(List.of(FieldError.of("question",
                    "is " + q.length() + " characters; at most " + config.maxQuestion())));
        }
        return q.strip();
    }

    private SearchQuery query(String question, AskRequest.Filters f) {
        AskRequest.Filters filters = f == null ? AskRequest.Filters.NONE : f;
        return new SearchQuery(question, SearchQuery.Mode.hybrid, ListParams.filter(filters.asset(), filters.site(),
                filters.kind(), filters.source(), filters.from(), filters.to(), filters.faultClass(),
                records.defaultZone()), config.topK(), 0).withoutRerank();
    }

    private static List<AskView.Retrieved> retrieved(List<SearchView.Hit> hits) {
        List<AskView.Retrieved> out = new ArrayList<>();
        for (SearchView.Hit h : hits) {
            out.add(retrieved(out.size() + 1, h.record(), h.snippet(), h.score()));
        }
        return out;
    }

    /** A record as the answer's record number {@code n}. */
    static AskView.Retrieved retrieved(int n, RecordView r, String snippet, double score) {
        return new AskView.Retrieved(n, r.id(), r.title(), r.textWithFields(),
                r.asset() == null ? null : r.asset().name() != null ? r.asset().name() : r.asset().id(),
                r.occurredAt(), snippet, score, action(r));
    }

    private static final List<String> ACTION_FIELDS = List.of("action", "corrective_action", "correctiveaction",
            "resolution", "remedy", "fix");

    /** What was done, from the first field named like an action; null when there is none. */
    private static String action(RecordView r) {
        return r.fields().entrySet().stream()
                .filter(e -> ACTION_FIELDS.contains(e.getKey().toLowerCase(java.util.Locale.ROOT))
                        && e.getValue() != null && !e.getValue().isBlank())
                .map(e -> e.getValue().strip()).findFirst().orElse(null);
    }

    static List<AskView.Citation> citations(Iterable<Integer> cited, List<AskView.Retrieved> retrieved) {
        List<AskView.Citation> out = new ArrayList<>();
        for (int n : cited) {
            AskView.Retrieved r = retrieved.get(n - 1);
            String snippet = r.text().length() > 240 ? r.text().substring(0, 239) + "…" : r.text();
            out.add(new AskView.Citation(n, r.recordId(), snippet));
        }
        return out;
    }
}
