package dev.faultline.search;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * What {@link Bm25} needs from the full-text index: a question's index words, the candidates' words with their
 * counts, and how many records hold each word.
 */
@ApplicationScoped
class KeywordStatistics {

    private static final Pattern LEXEME = Pattern.compile("'((?:[^']|'')+)'");
    // the table's size: PostgreSQL's running count of live rows (kept as rows are written and deleted, unlike the
    // planner's figure, which waits for the next ANALYZE), counted when it has none. A word among the planner's most
    // common elements (last ANALYZE) takes its share of those rows from there; a rarer one is counted in the
    // full-text index, which is cheap for a rare word. Without statistics every word is counted. One row per word,
    // or one without a word when none is asked for
    private static final String TABLE =
            """
            WITH n AS (SELECT coalesce((SELECT nullif(n_live_tup, 0) FROM pg_stat_user_tables
                                         WHERE relname = 'records' LIMIT 1), (SELECT count(*) FROM records)) AS n),
                 s AS (SELECT e, f FROM pg_stats,
                              unnest(most_common_elems::text::text[], most_common_elem_freqs) AS u(e, f)
                        WHERE tablename = 'records' AND attname = 'search_tsv' AND e IS NOT NULL)
            SELECT n.n, w, coalesce((SELECT round(s.f * n.n) FROM s WHERE s.e = w LIMIT 1),
                                    (SELECT count(*) FROM records r WHERE r.search_tsv
                                         @@ ('''' || replace(replace(w, '\\', '\\\\'), '''', '''''') || '''')::tsquery))
              FROM n LEFT JOIN unnest(?::text[]) AS w ON true
            """;

    private static final String COUNTS =
            """
            SELECT r.id, u.length, u.words, u.counts FROM records r, LATERAL (
                   SELECT sum(coalesce(cardinality(x.positions), 1))::int AS length,
                          array_agg(x.lexeme) FILTER (WHERE x.lexeme = ANY (?)) AS words,
                          array_agg(coalesce(cardinality(x.positions), 1)) FILTER (WHERE x.lexeme = ANY (?)) AS counts
                     FROM unnest(r.search_tsv) AS x) u
             WHERE r.id = ANY (?)
            """;

    private final DataSource dataSource;

    KeywordStatistics(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The index words of a tsquery (as {@code to_tsquery('english', …)} normalises them), each once. */
    List<String> words(String tsquery) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT querytree(to_tsquery('english', ?))")) {
            ps.setString(1, tsquery);
            try (ResultSet rs = ps.executeQuery()) {
                Set<String> out = new LinkedHashSet<>();
                if (rs.next() && rs.getString(1) != null) {
                    Matcher m = LEXEME.matcher(rs.getString(1));
                    while (m.find()) {
                        out.add(m.group(1).replace("''", "'"));
                    }
                }
                return new ArrayList<>(out);
            }
        }
    }

    /**
     * Each record's length in index words and how many times it holds each of these words, in the order of the ids
     * (one row per record: the rest of its words stay in the database).
     */
    Map<Long, Bm25.Doc> counts(List<Long> ids, List<String> words) throws SQLException {
        Map<Long, Bm25.Doc> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(COUNTS)) {
            Array wanted = c.createArrayOf("text", words.toArray());
            ps.setArray(1, wanted);
            ps.setArray(2, wanted);
            ps.setArray(3, c.createArrayOf("bigint", ids.toArray()));
            Map<Long, Bm25.Doc> found = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Integer> counts = new HashMap<>();
                    Array held = rs.getArray(3);
                    if (held != null) {
                        String[] w = (String[]) held.getArray();
                        Integer[] n = (Integer[]) rs.getArray(4).getArray();
                        for (int k = 0; k < w.length; k++) {
                            counts.put(w[k], n[k]);
                        }
                    }
                    found.put(rs.getLong(1), new Bm25.Doc(rs.getInt(2), counts));
                }
            }
            ids.stream().filter(found::containsKey).forEach(id -> out.put(id, found.get(id)));
        }
        return out;
    }

    /** The table's size and its statistics for these words. */
    record Table(Map<String, Long> frequencies, long documents) {}

    /** How many records the table holds, and how many hold each word (estimated for the commonest). */
    Table table(List<String> words) throws SQLException {
        Map<String, Long> frequencies = new HashMap<>();
        long documents = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(TABLE)) {
            ps.setArray(1, c.createArrayOf("text", words.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    documents = rs.getLong(1);
                    if (rs.getString(2) != null) {
                        frequencies.put(rs.getString(2), rs.getLong(3));
                    }
                }
            }
        }
        return new Table(frequencies, documents);
    }
}
