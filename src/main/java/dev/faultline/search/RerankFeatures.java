package dev.faultline.search;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The features the second stage ranks a hybrid search's best candidates by: where each stands in the fused, keyword
 * and vector lists, how similar it is to the question, how many of the question's words (with their shorthand) it
 * holds and how rare those are (BM25), how like the best results it is, whether it names the side or position asked,
 * and its length. Computed the
 * same way for training ({@code GET /api/v1/search/rerank-features}) and for ranking.
 */
final class RerankFeatures {

    /** The feature names, in the order of the model's weights (the model file is refused when the count differs). */
    static final List<String> NAMES = List.of("fused_rank", "fused_score", "in_keyword", "keyword_rank",
            "keyword_strong", "in_vector", "vector_rank", "cosine", "neighbour_cosine", "word_share", "all_words", "bm25", "position",
            "length");

    /**
     * What the second stage knows of a hybrid search: the question, its word groups and full-text query, the keyword
     * list's BM25 statistics (null when it was ordered by ts_rank), the keyword list
     * (its first {@code strong} hold every word or all but one), the vector list, the question's vector in
     * {@code model}'s vectors ({@code table}) and the fused scores, best first.
     */
    record Input(String question, List<String> groups, String tsquery, KeywordList.Ranking ranking,
            List<Long> keyword, int strong,
            List<Long> semantic, float[] vector, String model, String table, LinkedHashMap<Long, Double> fused,
            int listSize) {}

    /** How many of the best results make the centroid that {@code neighbour_cosine} is measured against. */
    static final int NEIGHBOURS = 10;

    private final RerankSignals signals;
    private final KeywordStatistics statistics;

    RerankFeatures(RerankSignals signals, KeywordStatistics statistics) {
        this.signals = signals;
        this.statistics = statistics;
    }

    /** Each of {@code ids} (the best results as listed, best first) with its features, in {@link #NAMES} order. */
    Map<Long, double[]> of(Input in, List<Long> ids, Map<Long, String> texts) throws SQLException {
        Map<Long, RerankSignals.Cosines> cosine = signals.cosines(in.vector(), in.model(), in.table(),
                ids.subList(0, Math.min(NEIGHBOURS, ids.size())), ids);
        RerankSignals.Cosines none = new RerankSignals.Cosines(0, 0);
        Map<Long, Integer> held = signals.groupsHeld(in.groups(), ids);
        Map<Long, Double> bm25 = bm25(in, ids);
        double bestBm25 = bm25.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        Map<Long, Integer> keywordRank = ranks(in.keyword());
        Map<Long, Integer> vectorRank = ranks(in.semantic());
        Set<String> asked = NearDuplicates.positions(in.question());
        double missing = Math.log1p(in.listSize());
        Map<Long, double[]> out = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            Integer k = keywordRank.get(id);
            Integer v = vectorRank.get(id);
            int words = held.getOrDefault(id, 0);
            String text = texts.getOrDefault(id, "");
            out.put(id, new double[] {
                Math.log1p(i),
                in.fused().getOrDefault(id, 0.0) * 60,
                k == null ? 0 : 1,
                k == null ? missing : Math.log1p(k),
                k != null && k < in.strong() ? 1 : 0,
                v == null ? 0 : 1,
                v == null ? missing : Math.log1p(v),
                cosine.getOrDefault(id, none).question(),
                cosine.getOrDefault(id, none).centroid(),
                in.groups().isEmpty() ? 0 : (double) words / in.groups().size(),
                !in.groups().isEmpty() && words == in.groups().size() ? 1 : 0,
                bestBm25 > 0 ? bm25.getOrDefault(id, 0.0) / bestBm25 : 0,
                position(asked, text),
                Math.log1p(text.length())
            });
        }
        return out;
    }

    /**
     * Each candidate's BM25 score over the question's index words, with the table's statistics: the keyword list's,
     * and the counts it already read, when it was ordered by BM25.
     */
    private Map<Long, Double> bm25(Input in, List<Long> ids) throws SQLException {
        KeywordList.Ranking r = in.ranking();
        List<String> words = r != null ? r.words() : statistics.words(in.tsquery());
        if (words.isEmpty()) {
            return Map.of();
        }
        KeywordStatistics.Table table = r != null ? new KeywordStatistics.Table(r.frequencies(), r.documents())
                : statistics.table(words);
        Map<Long, Bm25.Doc> read = r != null ? r.read() : Map.of();
        Map<Long, Bm25.Doc> docs = new LinkedHashMap<>(statistics.counts(
                ids.stream().filter(id -> !read.containsKey(id)).toList(), words));
        ids.stream().filter(read::containsKey).forEach(id -> docs.put(id, read.get(id)));
        return Bm25.scores(words, docs, table.frequencies(), table.documents());
    }

    /** 1 when the text names a side or position the question asks for, -1 when it names only others, else 0. */
    private static double position(Set<String> asked, String text) {
        if (asked.isEmpty()) {
            return 0;
        }
        Set<String> named = NearDuplicates.positions(text);
        return named.isEmpty() ? 0 : named.stream().anyMatch(asked::contains) ? 1 : -1;
    }

    private static Map<Long, Integer> ranks(List<Long> ids) {
        Map<Long, Integer> out = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            out.putIfAbsent(ids.get(i), i);
        }
        return out;
    }
}
