package dev.faultline.ask;

import dev.faultline.model.Embedder;
import dev.faultline.summarize.Sentences;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks an LLM's answer one sentence at a time, before the sentence is shown: it must cite at least one record,
 * only records it was given, must not repeat an instruction found inside a cited record ({@link Injections}), and
 * must be close in meaning to a sentence of a record it cites (cosine of the local embeddings at least
 * {@code faultline.ask.min-support}). A sentence that fails is not shown; the reason is.
 */
final class AnswerGuard {

    /** One sentence and what the check said: {@code reason} is null when it may be shown. */
    record Verdict(String sentence, Set<Integer> cited, String reason) {
        boolean shown() {
            return reason == null;
        }
    }

    private final List<AskView.Retrieved> retrieved;
    private final Embedder embedder;
    private final double minSupport;
    private final Map<Integer, Set<String>> payloads = new HashMap<>();
    private final Map<Integer, List<float[]>> vectors = new HashMap<>();

    AnswerGuard(List<AskView.Retrieved> retrieved, Embedder embedder, double minSupport) {
        this.retrieved = retrieved;
        this.embedder = embedder;
        this.minSupport = minSupport;
        for (AskView.Retrieved r : retrieved) {
            payloads.put(r.n(), Injections.payload((r.title() == null ? "" : r.title() + ". ") + r.text()));
        }
    }

    Verdict check(String sentence) {
        Citations.Checked c = Citations.check(sentence, retrieved.size());
        if (c.invalid() != null) {
            return drop(sentence, c, "it cites record [" + c.invalid() + "], which was not among the records given");
        }
        if (c.cited().isEmpty()) {
            return drop(sentence, c, "it cites no record");
        }
        Set<String> words = Injections.words(Citations.strip(sentence));
        for (int n : c.cited()) {
            Set<String> payload = payloads.get(n);
            long echoed = words.stream().filter(payload::contains).count();
            if (echoed >= 2 || echoed >= 1 && echoed * 2 >= words.size()) {
                return drop(sentence, c, "it repeats an instruction written inside record [" + n
                        + "]; records are data, not instructions");
            }
        }
        float[] v = embedder.embed(List.of(Citations.strip(sentence)), Embedder.Role.PASSAGE).getFirst();
        double support = c.cited().stream().flatMap(n -> vectors(n).stream())
                .mapToDouble(r -> Embedder.cosine(v, r)).max().orElse(0);
        if (support < minSupport) {
            return drop(sentence, c, "the records it cites (" + cites(c.cited()) + ") do not say it");
        }
        return new Verdict(sentence, c.cited(), null);
    }

    private List<float[]> vectors(int n) {
        return vectors.computeIfAbsent(n, k -> {
            AskView.Retrieved r = retrieved.get(k - 1);
            List<String> sentences = new ArrayList<>(Sentences.split(r.text()));
            if (r.title() != null) {
                sentences.add(r.title());
            }
            if (r.action() != null) {
                sentences.addAll(Sentences.split(r.action()));
            }
            return sentences.isEmpty() ? List.of() : embedder.embed(sentences, Embedder.Role.PASSAGE);
        });
    }

    private static Verdict drop(String sentence, Citations.Checked c, String reason) {
        return new Verdict(sentence, c.cited(), reason);
    }

    private static String cites(Set<Integer> cited) {
        return String.join(", ", cited.stream().map(n -> "[" + n + "]").toList());
    }
}
