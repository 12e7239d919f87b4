package dev.faultline.search;

import dev.faultline.model.CjkEmbedder;
import dev.faultline.model.Embedder;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Which model embeds a question, in which table its vectors are searched, and the question's vector (the most recent
 * questions' remembered: {@code faultline.search.query-vector-cache}).
 */
@ApplicationScoped
class QuestionModels {

    private final Embedder embedder;
    private final CjkEmbedder cjk;
    private final QueryVectors queryVectors;

    QuestionModels(Embedder embedder, CjkEmbedder cjk, SearchConfig config, MeterRegistry metrics) {
        this.embedder = embedder;
        this.cjk = cjk;
        this.queryVectors = new QueryVectors(config.queryVectorCache());
        FunctionCounter.builder("faultline.search.query.vectors", queryVectors, QueryVectors::hits).tag("result", "hit")
                .description("Questions whose embedding was remembered (faultline.search.query-vector-cache)")
                .register(metrics);
        FunctionCounter.builder("faultline.search.query.vectors", queryVectors, QueryVectors::misses)
                .tag("result", "miss").description("Questions embedded by the model").register(metrics);
    }

    /**
     * The model a question is embedded with: the CJK model for a question written in CJK script (at least a fifth of
     * its letters; when the model is configured and loads), else the main.
     */
    Embedder modelFor(String text) {
        return Cjk.written(text) ? cjk.get().orElse(embedder) : embedder;
    }

    /** Whether this is the main model (which reads no Chinese). */
    boolean isMain(Embedder model) {
        return model == embedder;
    }

    /** The table of the model's record vectors. */
    String vectorsOf(Embedder model) {
        return model == embedder ? VectorRepository.MAIN_VECTORS : VectorRepository.CJK_VECTORS;
    }

    /** The question's vector, remembered when it was asked recently. */
    float[] remembered(String text) {
        return queryVectors.get(text, this::embed);
    }

    /**
     * The text's vector from the model, never remembered: the warm-up (running the model is what it is for) and a
     * ticket's long text for its nearest records (asked once).
     */
    float[] embed(String text) {
        return modelFor(text).embed(List.of(text), Embedder.Role.QUERY).getFirst();
    }
}
