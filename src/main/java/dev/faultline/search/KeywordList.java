package dev.faultline.search;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keyword list of a search: PostgreSQL full text in tiers (every word, all but one, any word), each tier's
 * records ordered by {@code ts_rank} or by {@link Bm25}.
 */
final class KeywordList {

    /** Longer questions skip the "all words but one" tier: its query grows with the square of the words. */
    private static final int MAX_GROUPS_ALL_BUT_ONE = 8;

    private final KeywordRepository repository;
    private final KeywordStatistics statistics;
    private final SearchConfig config;
    private final Shorthand shorthand;

    KeywordList(KeywordRepository repository, KeywordStatistics statistics, SearchConfig config, Shorthand shorthand) {
        this.repository = repository;
        this.statistics = statistics;
        this.config = config;
        this.shorthand = shorthand;
    }

    /**
     * Keyword candidates, best first, by how many of the query's words they have: every word, then all but one
     * (for three words or more), then any selective word, each tier ranked by the whole query and asked for only
     * while fewer than wanted have been found. Broad questions ("cracked engine baffle", every word in a fifth of
     * an engine logbook) are answered from the few records with all or nearly all words instead of ranking half
     * the table; it also puts the record with both words above the one that repeats one of them. Within a tier the
     * records are ordered by BM25 ({@code faultline.search.bm25}: a rare word weighs more) or by {@code ts_rank}.
     */
    Found find(SearchQuery q, List<String> terms, String tsquery, int candidates,
            Map<String, Set<String>> corrections) throws SQLException {
        List<String> groups = Cjk.has(q.text()) ? cjkGroups(q.text(), shorthand.groups(q.text(), corrections))
                : shorthand.groups(q.text(), corrections);
        List<List<String>> tiers = new ArrayList<>(); // each: tsqueries, any of which matches
        if (groups.size() > 1) {
            tiers.add(List.of(String.join(" & ", groups)));
        }
        if (groups.size() >= 3 && groups.size() <= MAX_GROUPS_ALL_BUT_ONE) {
            tiers.add(Shorthand.allButOne(groups));
        }
        Ranking ranking = bm25(q.text(), tsquery);
        Set<Long> ids = new LinkedHashSet<>();
        for (List<String> tier : tiers) {
            addUpTo(ids, ranked(ranking, matches(ranking, tsquery, tier, q, candidates)), candidates);
            if (ids.size() >= candidates) {
                return new Found(new ArrayList<>(ids), ids.size(), ranking);
            }
        }
        if (!tiers.isEmpty() && ids.size() >= candidates / 4) {
            // enough records with (nearly) all the words: those with only some add little but cost the most
            return new Found(new ArrayList<>(ids), ids.size(), ranking);
        }
        // a question of one word (one group): its "any word" is every word
        int strong = tiers.isEmpty() ? Integer.MAX_VALUE : ids.size();
        String rare = selective(terms);
        List<Long> some = matches(ranking, tsquery, List.of(rare), q, candidates);
        if (ranking != null && some.size() < config.rankCap() && !rare.equals(String.join(" | ", terms))) {
            // BM25 weighs the common words by how common they are: with room left, the records holding only those
            // are ranked too (a topic's own words, "输送" of a conveyor, are common in a plant's records of it)
            Set<Long> more = new LinkedHashSet<>(some);
            addUpTo(more, matches(ranking, tsquery, List.of(String.join(" | ", terms)), q, candidates),
                    config.rankCap());
            some = new ArrayList<>(more);
        }
        addUpTo(ids, ranked(ranking, some), candidates);
        return new Found(new ArrayList<>(ids), Math.min(strong, ids.size()), ranking);
    }

    /**
     * A keyword list: ids best first; the first {@code strong} hold every word of the question or all but one (the
     * rest only some of its words, the "any word" tier); the BM25 statistics it was ordered by (null: ts_rank), which
     * the second stage reuses.
     */
    record Found(List<Long> ids, int strong, Ranking ranking) {}

    /** The question's words and their document frequencies, when its tiers are ordered by BM25; else null. */
    private Ranking bm25(String question, String tsquery) throws SQLException {
        boolean applies = switch (config.bm25()) {
            case off -> false;
            case cjk -> Cjk.written(question);
            case all -> true;
        };
        if (!applies) {
            return null;
        }
        List<String> words = statistics.words(tsquery);
        KeywordStatistics.Table table = statistics.table(words);
        return new Ranking(words, table.frequencies(), table.documents(), new HashMap<>());
    }

    /**
     * A tier's records: the best {@code candidates} by ts_rank of the first {@code rank-cap} matches, or, when BM25 will
     * order them, those {@code rank-cap} matches unranked.
     */
    private List<Long> matches(Ranking ranking, String tsquery, List<String> tier, SearchQuery q, int candidates)
            throws SQLException {
        return ranking == null ? repository.keyword(tsquery, tier, q.filter(), candidates, config.rankCap())
                : repository.keywordMatches(tier, q.filter(), Math.max(candidates, config.rankCap()));
    }

    /**
     * One tier's records in BM25 order ({@link Bm25}), or as found when the question is ranked by ts_rank. Each
     * record's counts are read once per search (a later tier holds the earlier tiers' records again).
     */
    private List<Long> ranked(Ranking ranking, List<Long> found) throws SQLException {
        if (ranking == null || found.size() < 2) {
            return found;
        }
        List<Long> unread = found.stream().filter(id -> !ranking.read().containsKey(id)).toList();
        ranking.read().putAll(statistics.counts(unread, ranking.words()));
        Map<Long, Bm25.Doc> docs = new LinkedHashMap<>();
        found.stream().filter(ranking.read()::containsKey).forEach(id -> docs.put(id, ranking.read().get(id)));
        return Bm25.rank(ranking.words(), docs, ranking.frequencies(), ranking.documents());
    }

    /** A question's words and statistics, and the counts of the records read so far. */
    record Ranking(List<String> words, Map<String, Long> frequencies, long documents,
            Map<Long, Bm25.Doc> read) {}

    /**
     * A Chinese (Japanese, Korean) query's groups with each run of CJK characters as its bigrams, one group each,
     * leaving out the bigrams no record holds: a run has no spaces, so many of its bigrams cross a word boundary
     * ("机出" in "压缩机出口") and would keep every record out of the "all words" tiers.
     */
    private List<String> cjkGroups(String query, List<String> groups) throws SQLException {
        List<String> words = new ArrayList<>();
        for (String g : groups) {
            if (Cjk.has(g) && g.matches("'[^']+'( & '[^']+')*")) {
                words.addAll(List.of(g.split(" & ")));
            } else {
                words.add(g);
            }
        }
        Set<String> absent = repository.absent(words.stream().filter(Cjk::has).toList());
        List<String> kept = words.stream().filter(w -> !absent.contains(w)).distinct().toList();
        return kept.isEmpty() ? groups : Cjk.units(query, kept);
    }

    private static void addUpTo(Set<Long> ids, List<Long> more, int max) {
        for (Long id : more) {
            if (ids.size() == max) {
                return;
            }
            ids.add(id);
        }
    }

    /**
     * The terms to match records with: words found in more than {@code common-term-share} of all records ("engine"
     * in an engine logbook) are left out of the match when rarer ones remain; they still count in the ranking.
     * Matching them would make PostgreSQL test most rows for a term that tells them apart the least.
     */
    private String selective(List<String> terms) throws SQLException {
        Map<String, Double> share = repository.termFrequencies(terms);
        List<String> rare = terms.stream()
                .filter(t -> share.getOrDefault(t, 0.0) <= config.commonTermShare())
                .toList();
        return String.join(" | ", rare.isEmpty() ? terms : rare);
    }
}
