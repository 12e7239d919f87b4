package dev.faultline.search;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The embeddings of the most recently asked questions, least recently used out first. A question's vector depends
 * only on its text and the model (a text embedded alone is the same as in any batch), so a hit is exactly what the
 * model would answer; the app runs one model at a time, and a model change restarts it.
 */
final class QueryVectors {

    private final int capacity;
    private final Map<String, float[]> recent;
    private long hits;
    private long misses;

    QueryVectors(int capacity) {
        this.capacity = capacity;
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > QueryVectors.this.capacity;
            }
        };
    }

    /** The question's vector: remembered, or from {@code embed} (outside the lock: two threads may both embed). */
    float[] get(String question, Function<String, float[]> embed) {
        if (capacity <= 0) {
            return embed.apply(question);
        }
        synchronized (this) {
            float[] known = recent.get(question);
            if (known != null) {
                hits++;
                return known.clone();
            }
            misses++;
        }
        float[] vector = embed.apply(question);
        synchronized (this) {
            recent.put(question, vector.clone());
        }
        return vector;
    }

    synchronized long hits() {
        return hits;
    }

    synchronized long misses() {
        return misses;
    }
}
