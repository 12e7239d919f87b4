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
import java.util.LinkedHashMap;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/** The vector side of search: nearest records to a question (HNSW, filtered), to a text and to a record. */
@ApplicationScoped
public class VectorRepository {

    private static final Logger LOG = Logger.getLogger(VectorRepository.class);

    /** The vectors of the main embedding model; the CJK model's are in {@link #CJK_VECTORS} (no site graphs). */
    static final String MAIN_VECTORS = "record_embeddings";
    static final String CJK_VECTORS = "record_embeddings_cjk";

    // several chunks of one record may come back; the service keeps each record's best
    // %s: the site of its own graph (" AND e.site = 'Site 3'", see SiteIndexes.condition), then the filter
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
    /** pgvector's largest {@code hnsw.ef_search}: a filtered vector list reads at most this many nearest. */
    static final int MAX_EF_SEARCH = 1000;

    private final DataSource dataSource;
    private final SiteIndexes siteIndexes;
    private final SearchConfig config;

    VectorRepository(DataSource dataSource, SiteIndexes siteIndexes, SearchConfig config) {
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

    /** As {@link #semantic(float[], String, RecordFilter, int, int, double)}, in the given table of vectors. */
    Near semantic(float[] vector, String model, String table, RecordFilter filter, int limit, int filterScan,
            double minSimilarity) throws SQLException {
        FilterSql where = FilterSql.of(filter);
        boolean filtered = !where.conditions().isEmpty();
        String site = table.equals(MAIN_VECTORS) ? siteIndexes.condition(filter, "e") : "";
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

    /** {@code site}: the condition of {@link SiteIndexes#condition}, or empty. */
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
}
