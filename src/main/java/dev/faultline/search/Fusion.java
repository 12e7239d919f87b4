package dev.faultline.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reciprocal-rank fusion: score(d) = Σ 1 / (k + rank of d in each list), rank starting at 1. */
final class Fusion {

    static final int K = 60;

    private Fusion() {}

    /** Ids of all lists by fused score, best first, with their scores; every list counts the same. */
    static LinkedHashMap<Long, Double> rrf(List<List<Long>> rankings) {
        return rrf(rankings, rankings.stream().map(r -> 1.0).toList());
    }

    /** Weighted: score(d) = Σ w_i / (k + rank_i(d)). */
    static LinkedHashMap<Long, Double> rrf(List<List<Long>> rankings, List<Double> weights) {
        Map<Long, Double> scores = new HashMap<>();
        for (int l = 0; l < rankings.size(); l++) {
            List<Long> ranking = rankings.get(l);
            for (int i = 0; i < ranking.size(); i++) {
                scores.merge(ranking.get(i), weights.get(l) / (K + i + 1), Double::sum);
            }
        }
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
