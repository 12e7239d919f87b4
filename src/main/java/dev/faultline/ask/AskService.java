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
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Answers a question from the records: hybrid search (with the filters) retrieves the top records; the plant's LLM
 * server writes the answer when one is configured, and its citations are checked against what was retrieved;
 * otherwise, or when it fails or cites what it was not given, the extractive answerer does, with a notice.
 */
@ApplicationScoped
public class AskService {

    private static final Logger LOG = Logger.getLogger(AskService.class);

    private final SearchService search;
    private final Embedder embedder;
    private final Generator generator;
    private final ExtractiveAnswerer extractive;
    private final AskConfig config;
    private final RecordConfig records;

    AskService(SearchService search, Embedder embedder, Generator generator, ExtractiveAnswerer extractive,
            AskConfig config, RecordConfig records) {
        this.search = search;
        this.embedder = embedder;
        this.generator = generator;
        this.extractive = extractive;
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

    /** As {@link #ask}, telling {@code events} the retrieved records first and then each piece of the LLM's text. */
    public AskView stream(AskRequest request, Consumer<AskView.Retrieved> retrieved, Consumer<String> tokens) {
        return answer(request, new Listener(retrieved, tokens));
    }

    private record Listener(Consumer<AskView.Retrieved> retrieved, Consumer<String> tokens) {}

    private AskView answer(AskRequest request, Listener listener) {
        String question = check(request);
        // embedded once: for the semantic half of the search and for the extractive answer
        float[] vector = embedder.embed(List.of(question), Embedder.Role.QUERY).getFirst();
        SearchView found = search.search(query(question, request.filters()), vector);
        List<AskView.Retrieved> retrieved = retrieved(found.items());
        if (listener != null) {
            retrieved.forEach(listener.retrieved());
        }
        String notice = null;
        if (generator.available() && !retrieved.isEmpty()) {
            try {
                String system = Prompt.SYSTEM;
                String user = Prompt.user(question, retrieved);
                String text = listener == null ? generator.complete(system, user)
                        : generator.stream(system, user, listener.tokens());
                if (text.strip().equals(Prompt.NOT_IN_RECORDS)) {
                    return new AskView("The records do not contain the answer to this question.", List.of(),
                            generator.name(), null, retrieved);
                }
                Citations.Checked checked = Citations.check(text, retrieved.size());
                if (checked.ok()) {
                    return new AskView(text.strip(), citations(checked.cited(), retrieved), generator.name(), null,
                            retrieved);
                }
                notice = checked.invalid() != null
                        ? "The LLM's answer cited record [" + checked.invalid() + "], which was not among the records"
                                + " it was given, so it is not shown; this is the extractive answer."
                        : "The LLM's answer cited no records, so it is not shown; this is the extractive answer.";
            } catch (Generator.GeneratorException e) {
                LOG.warnf("LLM answer failed, answering extractively: %s", e.getMessage());
                notice = "The LLM server did not answer (" + e.getMessage() + "); this is the extractive answer.";
            }
        }
        ExtractiveAnswerer.Answer a = extractive.answer(vector, retrieved, found.total());
        return new AskView(a.text(), citations(a.cited(), retrieved), ExtractiveAnswerer.NAME, notice, retrieved);
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
                records.defaultZone()), config.topK(), 0);
    }

    private static List<AskView.Retrieved> retrieved(List<SearchView.Hit> hits) {
        List<AskView.Retrieved> out = new ArrayList<>();
        for (SearchView.Hit h : hits) {
            RecordView r = h.record();
            out.add(new AskView.Retrieved(out.size() + 1, r.id(), r.title(), r.textWithFields(),
                    r.asset() == null ? null : r.asset().name() != null ? r.asset().name() : r.asset().id(),
                    r.occurredAt(), h.snippet(), h.score(), action(r)));
        }
        return out;
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

    private static List<AskView.Citation> citations(Iterable<Integer> cited, List<AskView.Retrieved> retrieved) {
        List<AskView.Citation> out = new ArrayList<>();
        for (int n : cited) {
            AskView.Retrieved r = retrieved.get(n - 1);
            String snippet = r.text().length() > 240 ? r.text().substring(0, 239) + "…" : r.text();
            out.add(new AskView.Citation(n, r.recordId(), snippet));
        }
        return out;
    }
}
