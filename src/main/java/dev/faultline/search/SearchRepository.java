package dev.faultline.search;

import dev.faultline.db.Vectors;
import dev.faultline.record.FilterSql;
import dev.faultline.record.RecordFilter;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/** Candidate lists for search: full-text ranks, nearest vectors, snippets and facets. */
@ApplicationScoped
public class SearchRepository {

    private static final Logger LOG = Logger.getLogger(SearchRepository.class);

    /** Sentinels around highlighted words; the service escapes the snippet and turns them into mark tags. */
    static final char MARK_START = '\u0001';
    static final char MARK_END = '\u0002';

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
    // several chunks of one record may come back; the service keeps each record's best
    // %s: the site of its own graph (" AND e.site = 'Site 3'", see ownSite), then the filter
    private static final String SEMANTIC =
            "SELECT e.record_id, e.embedding <=> ? AS distance FROM record_embeddings e JOIN records r ON r.id = e.record_id"
                    + " WHERE e.model = ?%s%s ORDER BY e.embedding <=> ? LIMIT ?";
    // with a filter: the nearest N without it, then the filter, record by record (OFFSET 0 keeps the planner from
    // joining instead, which read every record of the site); much cheaper than a filtered iterative scan. One more
    // row, without a record, holds the distance of the farthest of the N. With a site's own graph, the N nearest of
    // the site (the site written into the nearest's WHERE)
    static final String SEMANTIC_POST_FILTER =
            "WITH near AS MATERIALIZED (SELECT e.record_id, e.embedding <=> ? AS distance FROM record_embeddings e"
                    + " WHERE e.model = ?%s ORDER BY e.embedding <=> ? LIMIT ?)"
                    + " (SELECT n.record_id, n.distance FROM near n, LATERAL (SELECT 1 FROM records r"
                    + " WHERE r.id = n.record_id%s OFFSET 0) passes ORDER BY n.distance LIMIT ?)"
                    + " UNION ALL (SELECT NULL, max(n.distance) FROM near n)"
                    + " ORDER BY distance";
    private static final String FIRST_PASSAGE =
            "SELECT embedding FROM record_embeddings WHERE record_id = ? AND chunk = 0 AND model = ?";
    // the vector a parameter, so the HNSW index serves the order (a join to the record's own row would sort them all)
    private static final String NEAREST = "SELECT e.record_id, 1 - (e.embedding <=> ?) FROM record_embeddings e"
            + " WHERE e.model = ? AND e.record_id <> ? ORDER BY e.embedding <=> ? LIMIT ?";
    private static final String SNIPPETS =
            """
            SELECT r.id, ts_headline('english', translate(r.text, chr(1) || chr(2), '  '), to_tsquery('english', ?),
                   'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxWords=40, MinWords=20, MaxFragments=2')
              FROM records r WHERE r.id = ANY (?)
            """;
    // one pass over the candidates (each record read once), counted by the caller
    private static final String FACETS =
            "SELECT r.kind, r.asset_id, r.site, f.fault_class FROM records r"
                    + " LEFT JOIN record_faults f ON f.record_id = r.id WHERE r.id = ANY (?)";

    /** pgvector's largest {@code hnsw.ef_search}: a filtered vector list reads at most this many nearest. */
    static final int MAX_EF_SEARCH = 1000;

    private final DataSource dataSource;
    private final SiteIndexes siteIndexes;
    private final SearchConfig config;

    SearchRepository(DataSource dataSource, SiteIndexes siteIndexes, SearchConfig config) {
        this.dataSource = dataSource;
        this.siteIndexes = siteIndexes;
        this.config = config;
    }

    /** A vector query written for the main table, over {@code table} instead (one of the two constants). */
    private static String in(String table, String sql) {
        return table.equals(MAIN_VECTORS) ? sql : sql.replace("record_embeddings e", table + " e");
    }

    /** A vector list: record ids, best first; whether a filter applied, and whether it took a filtered graph scan. */
    record Near(List<Long> ids, boolean filtered, boolean graphScan) {}

    /**
     * The condition, on {@code alias.site}, that lets PostgreSQL pick the filtered site's own indexes
     * ({@link SiteIndexes}): the site written as a literal, which a generic plan of a bound parameter cannot match
     * to a partial index. Empty without a site filter, or when the site has none.
     */
    String ownSite(RecordFilter filter, String alias) {
        return hasOwnIndexes(filter) ? " AND " + alias + ".site = " + SiteIndexes.literal(filter.site()) : "";
    }

    /** Whether the filter names a site with indexes of its own that search can use. */
    boolean hasOwnIndexes(RecordFilter filter) {
        return filter.site() != null && siteIndexes.has(filter.site());
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
        String conditions = where.conditions() + ownSite(filter, "r");
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
        String conditions = where.conditions() + ownSite(filter, "r");
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
     * Ids of the nearest records to the vector (HNSW), best first, leaving out those less similar than
     * {@code minSimilarity} (cosine): nearest is not always near. With a filter: those passing it among the
     * {@code filterScan} nearest (at least {@code limit}, at most {@link #MAX_EF_SEARCH}), or a filtered scan of
     * the graph when fewer than 20 pass, unless the farthest of those read is already less similar than the minimum.
     * A site with a graph of its own ({@link SiteIndexes}) is searched in that graph: its {@code limit} nearest when
     * the site is the whole filter.
     */
    Near semantic(float[] vector, String model, RecordFilter filter, int limit, int filterScan,
            double minSimilarity) throws SQLException {
        return semantic(vector, model, MAIN_VECTORS, filter, limit, filterScan, minSimilarity);
    }

    /** The vectors of the main embedding model; the CJK model's are in {@link #CJK_VECTORS} (no site graphs). */
    static final String MAIN_VECTORS = "record_embeddings";
    static final String CJK_VECTORS = "record_embeddings_cjk";

    /** As {@link #semantic(float[], String, RecordFilter, int, int, double)}, in the given table of vectors. */
    Near semantic(float[] vector, String model, String table, RecordFilter filter, int limit, int filterScan,
            double minSimilarity) throws SQLException {
        FilterSql where = FilterSql.of(filter);
        boolean filtered = !where.conditions().isEmpty();
        String site = table.equals(MAIN_VECTORS) ? ownSite(filter, "e") : "";
        if (filtered) {
            boolean siteOnly = !site.isEmpty() && where.values().size() == 1;
            int nearest = siteOnly ? limit : Math.min(MAX_EF_SEARCH, Math.max(limit, filterScan));
            PostFiltered near = postFiltered(vector, model, table, site, where, limit, nearest, minSimilarity);
            if (near.ids().size() >= Math.min(limit, 20) || near.exhausted()) {
                return new Near(near.ids(), true, false);
            }
            // a narrow filter: too few of the nearest pass it, so scan the graph with the filter instead
            LOG.debugf("%d of the %d nearest vectors pass the filter: scanning the graph with it", near.ids().size(),
                    nearest);
        }
        try (Connection c = dataSource.getConnection()) {
            try (Statement s = c.createStatement()) {
                // keep scanning the graph until enough rows pass the filters (pgvector 0.8)
                s.execute("SET LOCAL hnsw.iterative_scan = relaxed_order");
            }
            efSearch(c, limit);
            try (PreparedStatement ps = c.prepareStatement(in(table, SEMANTIC.formatted(site, where.conditions())))) {
                Object param = Vectors.param(vector);
                ps.setObject(1, param);
                ps.setString(2, model);
                int i = where.bind(ps, 3);
                ps.setObject(i++, param);
                ps.setInt(i, limit);
                // with a filter, this was the filtered graph scan
                return new Near(readNear(ps, minSimilarity).ids(), filtered, filtered);
            }
        }
    }

    /**
     * Records passing a filter among the nearest vectors; {@code exhausted} when a deeper scan is not worth it: the
     * farthest vector read is already less similar than the minimum, so the ones beyond it are too (up to the
     * approximation of the HNSW graph, whose far end of a list is the least exact).
     */
    record PostFiltered(List<Long> ids, boolean exhausted) {}

    /** {@code site}: the condition of {@link #ownSite}, or empty. */
    PostFiltered postFiltered(float[] vector, String model, String table, String site, FilterSql where, int limit,
            int nearest, double minSimilarity) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL hnsw.ef_search = " + Math.max(40, nearest));
                s.execute("SET LOCAL hnsw.iterative_scan = off");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    in(table, SEMANTIC_POST_FILTER.formatted(site, where.conditions())))) {
                Object param = Vectors.param(vector);
                int i = 1;
                ps.setObject(i++, param);
                ps.setString(i++, model);
                ps.setObject(i++, param);
                ps.setInt(i++, nearest);
                i = where.bind(ps, i);
                ps.setInt(i, limit);
                return readNear(ps, minSimilarity);
            }
        }
    }

    /**
     * Record ids, nearest first, as similar as the minimum at least, each once (several chunks of a record may come
     * back); a row without a record (the post-filter's last) gives the farthest distance read, for
     * {@link PostFiltered#exhausted()}.
     */
    private static PostFiltered readNear(PreparedStatement ps, double minSimilarity) throws SQLException {
        List<Long> ids = new ArrayList<>();
        boolean exhausted = false;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                boolean farthest = rs.wasNull();
                double similarity = 1 - rs.getDouble(2);
                if (farthest) {
                    exhausted = !rs.wasNull() && similarity < minSimilarity; // no distance: nothing was read
                } else if (similarity >= minSimilarity && !ids.contains(id)) {
                    ids.add(id);
                }
            }
        }
        return new PostFiltered(ids, exhausted);
    }

    /**
     * How deep the HNSW graph is read for the {@code rows} nearest passages ({@code hnsw.ef_search}, for this
     * transaction): the configured depth, at least {@code rows}, at most {@link #MAX_EF_SEARCH}. Outside a transaction
     * a SET LOCAL does nothing: callers read in one.
     */
    private void efSearch(Connection c, int rows) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL hnsw.ef_search = "
                    + Math.max(40, Math.min(Math.max(rows, config.vectorEfSearch()), MAX_EF_SEARCH)));
        }
    }

    /** The records nearest to a vector (any chunk), with cosine similarity, best first. */
    LinkedHashMap<Long, Double> nearest(float[] vector, String model, String table, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return nearest(c, Vectors.param(vector), model, table, limit, -1);
        }
    }

    /**
     * Records nearest to a record (by its first passage), with cosine similarity, best first (none before it is
     * embedded).
     */
    LinkedHashMap<Long, Double> similar(long recordId, String model, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Object vector;
            try (PreparedStatement ps = c.prepareStatement(FIRST_PASSAGE)) {
                ps.setLong(1, recordId);
                ps.setString(2, model);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return new LinkedHashMap<>();
                    }
                    vector = rs.getObject(1);
                }
            }
            return nearest(c, vector, model, MAIN_VECTORS, limit, recordId);
        }
    }

    /** The {@code limit} records (not {@code except}) whose passages are nearest, from the graph (3 passages each). */
    private LinkedHashMap<Long, Double> nearest(Connection c, Object vector, String model, String table, int limit,
            long except) throws SQLException {
        efSearch(c, limit * 3);
        try (PreparedStatement ps = c.prepareStatement(in(table, NEAREST))) {
            ps.setObject(1, vector);
            ps.setString(2, model);
            ps.setLong(3, except);
            ps.setObject(4, vector);
            ps.setInt(5, limit * 3);
            return firstRecords(ps, limit);
        }
    }

    /** The first {@code limit} records of passages read nearest first (a record's best passage comes first). */
    private static LinkedHashMap<Long, Double> firstRecords(PreparedStatement ps, int limit) throws SQLException {
        LinkedHashMap<Long, Double> out = new LinkedHashMap<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next() && out.size() < limit) {
                out.putIfAbsent(rs.getLong(1), rs.getDouble(2));
            }
        }
        return out;
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

    /** Highlighted excerpts (with the sentinel marks) of these records' text. */
    Map<Long, String> snippets(List<Long> ids, String tsquery) throws SQLException {
        Map<Long, String> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(SNIPPETS)) {
            ps.setString(1, tsquery == null ? "" : tsquery);
            ps.setArray(2, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    /** Counts by kind, asset, site and fault class over the candidate records, largest first. */
    Map<String, Map<String, Long>> facets(List<Long> ids) throws SQLException {
        List<String> names = List.of("kind", "asset", "site", "faultClass");
        List<Map<String, Long>> counts = new ArrayList<>();
        names.forEach(n -> counts.add(new HashMap<>()));
        if (!ids.isEmpty()) {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement(FACETS)) {
                ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        for (int i = 0; i < names.size(); i++) {
                            String value = rs.getString(i + 1);
                            if (value != null) {
                                counts.get(i).merge(value, 1L, Long::sum);
                            }
                        }
                    }
                }
            }
        }
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            LinkedHashMap<String, Long> sorted = new LinkedHashMap<>();
            counts.get(i).entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> sorted.put(e.getKey(), e.getValue()));
            facets.put(names.get(i), sorted);
        }
        return facets;
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
