package dev.faultline.model;

import java.util.List;

/**
 * Turns texts into unit-length vectors with the local transformer. Implementations are loaded once and are safe
 * for concurrent use.
 */
public interface Embedder {

    /** Queries and passages may get different prefixes (e5/bge style models). */
    enum Role {
        QUERY,
        PASSAGE
    }

    /** One vector per text, in input order; each of {@link #dimensions()} floats, L2-normalised. */
    List<float[]> embed(List<String> texts, Role role);

    /**
     * Passages for a background job that runs {@code callers} of these calls at once (the indexer's workers).
     * With several callers each call runs on its own thread instead of all sharing every core: measured here,
     * two one-thread streams embed about 10 % more texts a second than two streams on two threads each.
     */
    default List<float[]> embedInBackground(List<String> texts, int callers) {
        return embed(texts, Role.PASSAGE);
    }

    int dimensions();

    /** {@code name@version}, stored with every vector so a model change re-embeds instead of mixing. */
    String modelId();

    /** The execution provider actually in use ({@code CPU} or {@code CUDA}). */
    String provider();

    /** Cosine similarity of two of these vectors (unit length, so the dot product). */
    static double cosine(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
