package dev.faultline.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sides and positions respected: when a question names one ("left magneto", "#3 cylinder"), the best candidates
 * that name only others ("R/H MAG", "#2 CYL") go after the rest, each part in fused order. Full text and vectors
 * both treat LEFT and RIGHT as near-synonyms. Those naming none keep their place: logs often leave the side out,
 * or write it in a way not recognised here ("R/H/S").
 */
final class PositionOrder {

    private PositionOrder() {}

    /** The fused ids with those among {@code texts} (the best candidates) reordered when the question names any. */
    static List<Long> order(String question, List<Long> fused, Map<Long, String> texts) {
        Set<String> asked = NearDuplicates.positions(question);
        if (asked.isEmpty() || fused.size() < 2) {
            return fused;
        }
        List<List<Long>> tiers = List.of(new ArrayList<>(), new ArrayList<>());
        List<Long> rest = new ArrayList<>();
        for (Long id : fused) {
            if (!texts.containsKey(id)) {
                rest.add(id);
                continue;
            }
            Set<String> named = NearDuplicates.positions(texts.get(id));
            tiers.get(named.isEmpty() || named.stream().anyMatch(asked::contains) ? 0 : 1).add(id);
        }
        List<Long> out = new ArrayList<>(fused.size());
        tiers.forEach(out::addAll);
        out.addAll(rest);
        return out;
    }
}
