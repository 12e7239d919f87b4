package dev.faultline.ask;

import dev.faultline.model.Embedder;
import dev.faultline.model.Generator;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The answer written by the plant's LLM server, released sentence by sentence: each sentence is checked
 * ({@link AnswerGuard}) as soon as it is complete, and only then streamed; a sentence that fails is left out and
 * the user told why. When no sentence passes, or the server fails, the caller answers extractively with the
 * notice this returns.
 */
@ApplicationScoped
class LlmAnswerer {

    private static final Logger LOG = Logger.getLogger(LlmAnswerer.class);

    /** Either the LLM's checked answer ({@code view}), or why the extractive one is given ({@code notice}). */
    record Outcome(AskView view, String notice) {}

    private final Generator generator;
    private final Embedder embedder;
    private final AskConfig config;

    LlmAnswerer(Generator generator, Embedder embedder, AskConfig config) {
        this.generator = generator;
        this.embedder = embedder;
        this.config = config;
    }

    Outcome answer(String question, List<AskView.Retrieved> retrieved, AskEvents events) {
        AnswerGuard guard = new AnswerGuard(retrieved, embedder, config.minSupport());
        List<AnswerGuard.Verdict> verdicts = new ArrayList<>();
        SentenceStream sentences = new SentenceStream(s -> {
            if (s.equals(Prompt.NOT_IN_RECORDS)) {
                return;
            }
            AnswerGuard.Verdict v = guard.check(s);
            verdicts.add(v);
            if (events != null && v.shown()) {
                events.sentence(v.sentence());
            } else if (events != null) {
                events.dropped(v.reason());
            }
        });
        String text;
        try {
            String user = Prompt.user(question, retrieved);
            text = events == null ? generator.complete(Prompt.SYSTEM, user)
                    : generator.stream(Prompt.SYSTEM, user, sentences::accept);
        } catch (Generator.GeneratorException e) {
            LOG.warnf("LLM answer failed, answering extractively: %s", e.getMessage());
            return new Outcome(null, "The LLM server gave no answer (" + e.reason() + "); this is the extractive answer.");
        }
        if (text.strip().equals(Prompt.NOT_IN_RECORDS)) {
            // as the built-in answerer says it, in the question's language
            return new Outcome(new AskView(ExtractiveAnswerer.messages(question).noAnswer(), List.of(),
                    generator.name(), null, retrieved, List.of()), null);
        }
        if (events == null) {
            sentences.accept(text);
        }
        sentences.finish();
        return outcome(verdicts, retrieved);
    }

    private Outcome outcome(List<AnswerGuard.Verdict> verdicts, List<AskView.Retrieved> retrieved) {
        List<AnswerGuard.Verdict> shown = verdicts.stream().filter(AnswerGuard.Verdict::shown).toList();
        List<String> reasons = verdicts.stream().filter(v -> !v.shown()).map(AnswerGuard.Verdict::reason).distinct()
                .toList();
        if (shown.isEmpty()) {
            return new Outcome(null, "The LLM's answer is not shown: " + String.join("; ", reasons)
                    + ". This is the extractive answer.");
        }
        Set<Integer> cited = new LinkedHashSet<>();
        shown.forEach(v -> cited.addAll(v.cited()));
        String answer = String.join(" ", shown.stream().map(AnswerGuard.Verdict::sentence).toList());
        int dropped = verdicts.size() - shown.size();
        String notice = dropped == 0 ? null : (dropped == 1 ? "1 sentence of the LLM's answer is not shown: "
                : dropped + " sentences of the LLM's answer are not shown: ") + String.join("; ", reasons) + ".";
        return new Outcome(new AskView(answer, AskService.citations(cited, retrieved), generator.name(), notice,
                retrieved, List.of()), null);
    }
}
