package dev.faultline.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.CosineSimilarity;

/**
 * Near-identical records among a search's best candidates, so that the top ten are ten different problems: a
 * record whose text is at least {@code faultline.search.duplicate-similarity} alike to a better-ranked one's (cosine
 * of their word counts by Apache Commons Text's CosineSimilarity; case and punctuation aside) and that names the same sides and
 * positions is shown under it ("+4 similar records"). "#2 CYL LOW COMP" and "#3 CYL LOW COMP" read alike but are
 * two problems: they stay apart. Words, not the embeddings: the model puts "LEFT MAG DROP … RUN UP." nearer to the
 * same with "RIGHT" (0.966) than to itself without the full stop (0.944), and reading the candidates' vectors cost
 * 30–45 ms at 1,000,000 records where the texts are already at hand.
 */
final class NearDuplicates {

    private static final Pattern NUMBERED = Pattern.compile(
            "(?:#|\\bNO\\.?\\s*|\\bNUMBER\\s+|\\bNR\\.?\\s*|\\bCYL(?:INDER)?\\.?\\s*#?\\s*|\\bENG(?:INE)?\\.?\\s*#?\\s*)(\\d{1,2})\\b");
    private static final Pattern LIST = Pattern.compile("\\s*(?:,|&|AND|/)\\s*#?(\\d{1,2})\\b");
    private static final Pattern SIDE = Pattern.compile(
            "\\b(L/H|LH|LEFT|LT|R/H|RH|RIGHT|RT|FWD|FORWARD|FRONT|AFT|REAR|UPPER|LOWER|INBD|INBOARD|OUTBD|OUTBOARD)\\b");

    private static final CosineSimilarity COSINE = new CosineSimilarity();
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private NearDuplicates() {}

    /**
     * The ranked ids grouped: each group's first id (the best-ranked of its kind) maps to the ids collapsed under
     * it, in rank order; only ids with a text in {@code texts} (the best candidates) are compared.
     */
    static LinkedHashMap<Long, List<Long>> collapse(List<Long> ranked, Map<Long, String> texts, double minSimilarity) {
        List<Long> compared = ranked.stream().filter(texts::containsKey).toList();
        // each text's word counts, once: comparing 100 candidates is 4,950 pairs
        Map<Long, Map<CharSequence, Integer>> words = new HashMap<>();
        Map<Long, Set<String>> positions = new HashMap<>();
        compared.forEach(id -> {
            words.put(id, counts(texts.get(id)));
            positions.put(id, positions(texts.get(id)));
        });
        Map<Long, Set<Long>> near = new HashMap<>();
        for (int i = 0; i < compared.size(); i++) {
            for (int j = i + 1; j < compared.size(); j++) {
                long a = compared.get(i);
                long b = compared.get(j);
                if (positions.get(a).equals(positions.get(b))
                        && COSINE.cosineSimilarity(words.get(a), words.get(b)) >= minSimilarity) {
                    near.computeIfAbsent(a, k -> new TreeSet<>()).add(b);
                    near.computeIfAbsent(b, k -> new TreeSet<>()).add(a);
                }
            }
        }
        return group(ranked, near);
    }

    private static Map<CharSequence, Integer> counts(String text) {
        Map<CharSequence, Integer> counts = new HashMap<>();
        for (String w : NOT_WORD.split(text.toUpperCase(Locale.ROOT))) {
            if (!w.isEmpty()) {
                counts.merge(w, 1, Integer::sum);
            }
        }
        return counts;
    }

    /**
     * Greedy grouping in rank order: a record joins the first better-ranked group leader it is a near duplicate of
     * (leaders only, so a chain of small differences does not add up to one group), else it leads a group itself.
     */
    static LinkedHashMap<Long, List<Long>> group(List<Long> ranked, Map<Long, Set<Long>> near) {
        LinkedHashMap<Long, List<Long>> groups = new LinkedHashMap<>();
        for (Long id : ranked) {
            Set<Long> mine = near.getOrDefault(id, Set.of());
            Long leader = mine.isEmpty() ? null
                    : groups.keySet().stream().filter(mine::contains).findFirst().orElse(null);
            if (leader == null) {
                groups.put(id, new ArrayList<>());
            } else {
                groups.get(leader).add(id);
            }
        }
        return groups;
    }

    /** The sides and numbered positions a text names ("L/H", "#3", "CYL 3", "NO. 2", "2#循环水泵"), normalised. */
    static Set<String> positions(String text) {
        Set<String> out = new TreeSet<>();
        String upper = text == null ? "" : text.toUpperCase(Locale.ROOT);
        Matcher n = NUMBERED.matcher(upper);
        while (n.find()) {
            out.add("#" + Integer.parseInt(n.group(1)));
            // a list after it: "#2, 3 & 4 ROCKER COVERS"
            Matcher more = LIST.matcher(upper).region(n.end(), upper.length());
            while (more.lookingAt()) {
                out.add("#" + Integer.parseInt(more.group(1)));
                more.region(more.end(), upper.length());
            }
        }
        Matcher unit = Cjk.UNIT.matcher(upper);
        while (unit.find()) {
            out.add("#" + Integer.parseInt(unit.group(1)));
        }
        Matcher s = SIDE.matcher(upper);
        while (s.find()) {
            out.add(switch (s.group(1)) {
                case "L/H", "LH", "LEFT", "LT" -> "left";
                case "R/H", "RH", "RIGHT", "RT" -> "right";
                case "FWD", "FORWARD", "FRONT" -> "forward";
                case "AFT", "REAR" -> "aft";
                case "INBD", "INBOARD" -> "inboard";
                case "OUTBD", "OUTBOARD" -> "outboard";
                default -> s.group(1).toLowerCase(Locale.ROOT);
            });
        }
        return out;
    }
}
