package dev.faultline.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal-rank fusion: score(d) = Σ w_i / (k + rank of d in list i), rank starting at 1. A small k lets the top of
 * each list count for more against a record that is merely in both; 60 is the value of Cormack et al. (2009).
 */
final class Fusion {

    static final int K = 60;

    private Fusion() {}

    /** Ids of all lists by fused score, best first, with their scores; every list counts the same, k = 60. */
    static LinkedHashMap<Long, Double> rrf(List<List<Long>> rankings) {
        return rrf(rankings, rankings.stream().map(r -> 1.0).toList(), K);
    }

    /** Weighted: score(d) = Σ w_i / (k + rank_i(d)). */
    static LinkedHashMap<Long, Double> rrf(List<List<Long>> rankings, List<Double> weights, int k) {
        return rrf(rankings, weights, java.util.stream.IntStream.range(0, rankings.size()).boxed().toList(), k);
    }

    /**
     * Weighted, with lists of the same kind (the keyword lists of a question and of its translation; their vector
     * lists) as alternatives: a record takes the best of its weighted reciprocal ranks within a kind, and the kinds
     * add up. A record found by both phrasings of one question is not counted twice.
     */
    static LinkedHashMap<Long, Double> rrf(List<List<Long>> rankings, List<Double> weights, List<Integer> kinds,
            int k) {
        List<Ranked> lists = new ArrayList<>();
        for (int l = 0; l < rankings.size(); l++) {
            lists.add(Ranked.of(rankings.get(l), weights.get(l), kinds.get(l)));
        }
        return rrf(lists, k);
    }

    /**
     * One ranked list, best first, of a kind; its first {@code strong} records weigh {@code weight}, the rest (at their
     * ranks) {@code weakWeight}: a keyword list's records holding only some of the question's words.
     */
    record Ranked(List<Long> ids, double weight, int kind, int strong, double weakWeight) {

        static Ranked of(List<Long> ids, double weight, int kind) {
            return new Ranked(ids, weight, kind, ids.size(), weight);
        }
    }

    /** As {@link #rrf(List, List, List, int)}, each list with its strong part and weak weight. */
    static LinkedHashMap<Long, Double> rrf(List<Ranked> lists, int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be 0 or more: " + k);
        }
        Map<Integer, Map<Long, Double>> byKind = new HashMap<>();
        for (Ranked list : lists) {
            Map<Long, Double> kind = byKind.computeIfAbsent(list.kind(), x -> new HashMap<>());
            for (int i = 0; i < list.ids().size(); i++) {
                double w = i < list.strong() ? list.weight() : list.weakWeight();
                kind.merge(list.ids().get(i), w / (k + i + 1), Math::max);
            }
        }
        Map<Long, Double> scores = new HashMap<>();
        byKind.values().forEach(kind -> kind.forEach((id, score) -> scores.merge(id, score, Double::sum)));
        List<Map.Entry<Long, Double>> entries = new ArrayList<>(scores.entrySet());
        // ties: the smaller id first, so results are stable between calls
        entries.sort((a, b) -> a.getValue().equals(b.getValue())
                ? Long.compare(a.getKey(), b.getKey())
                : Double.compare(b.getValue(), a.getValue()));
        LinkedHashMap<Long, Double> fused = new LinkedHashMap<>();
        entries.forEach(e -> fused.put(e.getKey(), e.getValue()));
        return fused;
    }
}
