package dev.faultline.search;

import dev.faultline.record.FilterSql;
import dev.faultline.record.RecordFilter;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The full-text side of search: keyword lists and their statistics, snippets and facets (the vector side is
 * {@link VectorRepository}).
 */
@ApplicationScoped
public class KeywordRepository {

    // matched with one tier of the query, ranked with the whole one; at most rank-cap matches are ranked (the first
    // the index finds), so a tier that matches a large part of the table does not rank all of it. ts_rank, not
    // ts_rank_cd: half the cost per match (12 vs 27 ms for the worst tier at 1M records) and no worse on the
    // retrieval evaluation (BENCHMARKS.md, "Site on the record"). Each to_tsquery in a sub-select: parsed once per
    // query. In the generic plan the driver's server-prepared statement gets after five runs, a bare to_tsquery(?) was
    // parsed again for every row ranked or rechecked (10 of 17 ms for 2,000 matches at 1M records)
    private static final String KEYWORD =
            "SELECT m.id, ts_rank(m.search_tsv, (SELECT to_tsquery('english', ?)), 32) AS score FROM"
                    + " (SELECT r.id, r.search_tsv, r.occurred_at FROM records r"
                    + " WHERE %s%s LIMIT ?) m"
                    + " ORDER BY score DESC, m.occurred_at DESC NULLS LAST, m.id LIMIT ?";
    private static final String MATCH = "r.search_tsv @@ (SELECT to_tsquery('english', ?))";

    /** The keyword query for {@code alternatives} tsqueries (any of them matches) and the filter's conditions. */
    static String keywordSql(int alternatives, String conditions) {
        return KEYWORD.formatted(match(alternatives), conditions);
    }

    /** The tsqueries as bound: each its own match, or joined into one when there is a filter. */
    private static List<String> matches(List<String> alternatives, String conditions) {
        return conditions.isEmpty() || alternatives.size() == 1 ? alternatives
                : List.of(alternatives.stream().map(a -> "(" + a + ")").collect(Collectors.joining(" | ")));
    }

    private static String match(int alternatives) {
        return alternatives == 1 ? MATCH : "(" + String.join(" OR ", Collections.nCopies(alternatives, MATCH)) + ")";
    }

    // the records another ranking orders ({@link Bm25}): the first the index yields, the newest first among them
    private static final String MATCHES =
            "SELECT m.id FROM (SELECT r.id, r.occurred_at FROM records r WHERE %s%s LIMIT ?) m"
                    + " ORDER BY m.occurred_at DESC NULLS LAST, m.id";

    private final DataSource dataSource;
    private final SiteIndexes siteIndexes;

    KeywordRepository(DataSource dataSource, SiteIndexes siteIndexes) {
        this.dataSource = dataSource;
        this.siteIndexes = siteIndexes;
    }

    /** Whether the filter names a site with indexes of its own that search can use. */
    boolean hasOwnIndexes(RecordFilter filter) {
        return siteIndexes.serves(filter);
    }

    /**
     * Ids matching any of the tsqueries {@code alternatives}, best rank under {@code rank} first, ranking at most
     * {@code rankCap} matches. Without a filter each alternative is a condition of its own, ORed: PostgreSQL
     * intersects each one's words in the GIN index and ORs the bitmaps, where one tsquery of ORed ANDs made it read
     * every word's whole list ("leak" is in half the records at 1M; for "oil leak at the valve cover" the "all words
     * but one" tier took 38 instead of 55 ms in SQL). With a filter they stay one tsquery: a site's own full-text
     * index is small enough to read at once (1.1 against 3.3 ms split, same tier, at 1M), and in a generic plan the
     * split let the planner read a filtered site's rows through the shared index and test each one.
     */
    List<Long> keyword(String rank, List<String> alternatives, RecordFilter filter, int limit, int rankCap)
            throws SQLException {
        FilterSql where = FilterSql.of(filter);
        String conditions = where.conditions() + siteIndexes.condition(filter, "r");
        List<String> matches = matches(alternatives, conditions);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(keywordSql(matches.size(), conditions))) {
            int i = 1;
            ps.setString(i++, rank);
            for (String match : matches) {
                ps.setString(i++, match);
            }
            i = where.bind(ps, i);
            ps.setInt(i++, Math.max(rankCap, limit));
            ps.setInt(i, limit);
            return ids(ps);
        }
    }

    /**
     * As {@link #keyword}, unranked: at most {@code limit} of the records matching any of the tsqueries (the first
     * the index yields), newest first, for a ranking of the caller's.
     */
    List<Long> keywordMatches(List<String> alternatives, RecordFilter filter, int limit) throws SQLException {
        FilterSql where = FilterSql.of(filter);
        String conditions = where.conditions() + siteIndexes.condition(filter, "r");
        List<String> matches = matches(alternatives, conditions);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(MATCHES.formatted(match(matches.size()), conditions))) {
            int i = 1;
            for (String m : matches) {
                ps.setString(i++, m);
            }
            i = where.bind(ps, i);
            ps.setInt(i, limit);
            return ids(ps);
        }
    }

    /**
     * The share of records containing each term (a term's lexemes must all be frequent for it to count as
     * frequent), from the planner's statistics of the full-text column: no scan of the records.
     */
    Map<String, Double> termFrequencies(List<String> terms) throws SQLException {
        Map<String, Double> out = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        WITH s AS (SELECT e, f FROM pg_stats,
                                          unnest(most_common_elems::text::text[], most_common_elem_freqs) AS u(e, f)
                                    WHERE tablename = 'records' AND attname = 'search_tsv'),
                             t AS (SELECT term, unnest(tsvector_to_array(to_tsvector('english',
                                          regexp_replace(term, '[()&|'']', ' ', 'g')))) AS lexeme
                                     FROM unnest(?::text[]) AS term)
                        SELECT t.term, min(coalesce(s.f, 0)) FROM t LEFT JOIN s ON s.e = t.lexeme GROUP BY t.term""")) {
            ps.setArray(1, c.createArrayOf("text", terms.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getDouble(2));
                }
            }
        }
        return out;
    }

    /** Those of these tsquery words that no record holds (each looked up in the full-text index). */
    Set<String> absent(List<String> words) throws SQLException {
        Set<String> out = new HashSet<>();
        if (words.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT w FROM unnest(?::text[]) AS w WHERE NOT EXISTS"
                        + " (SELECT 1 FROM records r WHERE r.search_tsv @@ to_tsquery('english', w))")) {
            ps.setArray(1, c.createArrayOf("text", words.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static List<Long> ids(PreparedStatement ps) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }
}
