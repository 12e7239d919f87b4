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
