package dev.faultline.ask;

import dev.faultline.i18n.Bundles;
import dev.faultline.model.Embedder;
import dev.faultline.search.Cjk;
import dev.faultline.summarize.Sentences;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in answerer, no LLM needed: the sentences of the retrieved records most similar to the question
 * (local embeddings), picked by maximal marginal relevance so they do not repeat each other, quoted with their
 * record's number, behind a templated lead sentence. When no sentence is similar enough, it says so. The lead and
 * the refusals are in the question's language ({@link AskMessages}: Chinese for a question in CJK script).
 */
@ApplicationScoped
public class ExtractiveAnswerer {

    static final String NAME = "extractive";

    private record Unit(int n, String text, float[] vector, double relevance) {}

    private final AskConfig config;

    ExtractiveAnswerer(AskConfig config) {
        this.config = config;
    }

    /** The answer text and the record numbers it cites (empty when the records do not answer). */
    record Answer(String text, List<Integer> cited) {}

    /** The answerer's words in the language of this question. */
    static AskMessages messages(String question) {
        return Bundles.in(AskMessages.class, Cjk.written(question) ? "zh" : "en");
    }

    /**
     * {@code vector} is the question's embedding (query role) by {@code model}, the one search already used; the
     * records' sentences are embedded by the same model.
     */
    Answer answer(String question, float[] vector, Embedder model, List<AskView.Retrieved> records, long total) {
        AskMessages say = messages(question);
        List<Integer> owners = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (AskView.Retrieved r : records) {
            for (String s : Sentences.split(r.text())) {
                owners.add(r.n());
                texts.add(s);
            }
        }
        if (texts.isEmpty()) {
            return new Answer(records.isEmpty() ? say.noRecord() : say.noAnswer(), List.of());
        }
        List<float[]> vectors = model.embed(texts, Embedder.Role.PASSAGE);
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            // a little credit for the search rank: the fused ranking already weighed the keywords
            double rank = 0.03 / owners.get(i);
            units.add(new Unit(owners.get(i), texts.get(i), vectors.get(i),
                    Embedder.cosine(vector, vectors.get(i)) + rank));
        }
        List<Unit> chosen = mmr(units);
        if (chosen.isEmpty() || chosen.getFirst().relevance() < config.minRelevance()) {
            return new Answer(say.noAnswer(), List.of());
        }
        StringBuilder sb = new StringBuilder();
        List<Integer> cited = new ArrayList<>();
        for (Unit u : chosen) {
            sb.append("\n• ").append(u.text());
            // what was done goes with the problem: "what fixed ..." is answered by the record's action
            String action = records.get(u.n() - 1).action();
            if (action != null && !cited.contains(u.n()) && !action.contains(u.text())
                    && !u.text().contains(action)) {
                sb.append(" → ").append(action.length() > 200 ? action.substring(0, 199) + "…" : action);
            }
            sb.append(" [").append(u.n()).append("]");
            if (!cited.contains(u.n())) {
                cited.add(u.n());
            }
        }
        return new Answer(lead(say, total, cited.stream().map(n -> records.get(n - 1)).toList()) + sb, cited);
    }

    private List<Unit> mmr(List<Unit> units) {
        List<Unit> chosen = new ArrayList<>();
        List<Unit> left = new ArrayList<>(units);
        while (chosen.size() < config.sentences() && !left.isEmpty()) {
            Unit best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (Unit u : left) {
                double redundancy = chosen.stream().mapToDouble(c -> Embedder.cosine(c.vector(), u.vector())).max()
                        .orElse(0);
                double score = 0.7 * u.relevance() - 0.3 * redundancy;
                if (redundancy < 0.92 && score > bestScore) {
                    best = u;
                    bestScore = score;
                }
            }
            if (best == null || (!chosen.isEmpty() && best.relevance() < config.minRelevance())) {
                break;
            }
            chosen.add(best);
            left.remove(best);
        }
        return chosen;
    }

    /** "14 records match; the 2 closest (…) say:" — the count is of the records quoted, as shown. */
    private static String lead(AskMessages say, long total, List<AskView.Retrieved> records) {
        var dates = records.stream().map(AskView.Retrieved::occurredAt).filter(d -> d != null).sorted().toList();
        String span = dates.isEmpty() ? ""
                : dates.getFirst().toLocalDate().equals(dates.getLast().toLocalDate())
                        ? say.oneDay(dates.getFirst().toLocalDate().toString())
                        : say.days(dates.getFirst().toLocalDate().toString(), dates.getLast().toLocalDate().toString());
        return say.lead(total, records.size(), span);
    }
}
