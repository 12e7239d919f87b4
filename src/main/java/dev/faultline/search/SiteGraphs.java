package dev.faultline.search;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * A vector graph of its own (a partial HNSW index) for each large site, so that a search filtered to the site reads
 * its nearest vectors directly instead of picking them out of the nearest of every site (migration V11). Built in the
 * background, one site at a time, with {@code CREATE INDEX CONCURRENTLY}: writes go on meanwhile, and a site's graph
 * is used only once it is built and valid. Several app instances take turns through an advisory lock.
 */
@ApplicationScoped
public class SiteGraphs {

    private static final Logger LOG = Logger.getLogger(SiteGraphs.class);
    /** Listed sites whose index exists and is valid: a failed or dropped build is not used. */
    private static final String BUILT = """
            SELECT g.site FROM site_graphs g
              JOIN pg_class c ON c.relname = g.index_name
              JOIN pg_index i ON i.indexrelid = c.oid AND i.indrelid = 'record_embeddings'::regclass
             WHERE i.indisvalid""";
    /** How often search re-reads the list: another instance may have built a graph. */
    private static final long REFRESH_NANOS = 30_000_000_000L;
    private static final int BACKFILL_BATCH = 2000;
    /** The builders' advisory lock ("FAUSITE"). */
    static final long LOCK = 0x46415553495445L;

    private final DataSource dataSource;
    private final SearchConfig config;
    private volatile Set<String> built = Set.of();
    private volatile long readAt = System.nanoTime() - REFRESH_NANOS;
    private volatile boolean stopping;

    SiteGraphs(DataSource dataSource, SearchConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** A site of its own graph: how many records it had when built. */
    record Due(String site, long records) {}

    /** Whether this site's vectors have a graph of their own that search can use. */
    boolean has(String site) {
        if (!config.siteGraphs().enabled()) {
            return false;
        }
        if (System.nanoTime() - readAt >= REFRESH_NANOS) {
            refresh();
        }
        return built.contains(site);
    }

    /** Re-reads the built graphs. */
    void refresh() {
        Set<String> sites = new HashSet<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(BUILT);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                sites.add(rs.getString(1));
            }
        } catch (SQLException e) {
            // searching goes on without the site graphs (filtered like any other filter) until the next read
            LOG.warnf("reading the site graphs: %s", e.getMessage());
        }
        built = Set.copyOf(sites);
        readAt = System.nanoTime();
    }

    @Scheduled(every = "${faultline.search.site-graphs.interval}", delayed = "${faultline.search.site-graphs.delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        SearchConfig.SiteGraphsConfig c = config.siteGraphs();
        if (c.enabled() && c.minRecords() > 0) {
            try {
                buildDue(c.minRecords(), c.maxShare());
            } catch (RuntimeException e) {
                LOG.warnf("building site graphs failed, will retry: %s", e.getMessage());
            }
        }
    }

    /**
     * Builds the graphs of the sites with at least {@code minRecords} records and at most {@code maxShare} of all
     * (a site that is most of the table gains little from a graph of its own, and would double the cost of every
     * vector written), largest first; answers the sites built. Does nothing while another instance builds.
     */
    List<String> buildDue(int minRecords, double maxShare) {
        List<String> done = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true); // CREATE INDEX CONCURRENTLY runs outside a transaction; each backfill batch commits
            if (!lock(c, "pg_try_advisory_lock")) {
                LOG.debug("another instance is building site graphs");
                return done;
            }
            try {
                for (Due site : due(c, minRecords, maxShare)) {
                    if (stopping) {
                        break;
                    }
                    build(c, site);
                    done.add(site.site());
                }
            } finally {
                lock(c, "pg_advisory_unlock");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("building site graphs: " + e.getMessage(), e);
        }
        if (!done.isEmpty()) {
            refresh();
        }
        return done;
    }

    private static List<Due> due(Connection c, int minRecords, double maxShare) throws SQLException {
        // counted on the records (index-only over records_site_recent_idx), not the vectors: one per record but for
        // the few long ones, and ten times cheaper to count
        try (PreparedStatement ps = c.prepareStatement("""
                WITH sites AS (SELECT site, count(*) AS n FROM records WHERE site IS NOT NULL GROUP BY site),
                     total AS (SELECT count(*) AS n FROM records)
                SELECT s.site, s.n FROM sites s, total t
                 WHERE s.n >= ? AND s.n <= ? * t.n AND s.site NOT IN (%s)
                 ORDER BY s.n DESC, s.site""".formatted(BUILT))) {
            ps.setInt(1, minRecords);
            ps.setDouble(2, maxShare);
            List<Due> due = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    due.add(new Due(rs.getString(1), rs.getLong(2)));
                }
            }
            return due;
        }
    }

    private void build(Connection c, Due site) throws SQLException {
        long started = System.nanoTime();
        long filled = backfill(c, site.site());
        String name;
        String create;
        boolean exists;
        boolean valid;
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT n, format('CREATE INDEX CONCURRENTLY %I ON record_embeddings USING hnsw'
                                 || ' (embedding vector_cosine_ops) WHERE site = %L', n, s),
                       (SELECT i.indisvalid FROM pg_class x JOIN pg_index i ON i.indexrelid = x.oid
                         WHERE x.relname = n)
                  FROM (SELECT ?::text AS s, 'record_embeddings_site_' || left(md5(?), 16) AS n) a""")) {
            ps.setString(1, site.site());
            ps.setString(2, site.site());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                name = rs.getString(1); // letters, digits and underscores only
                create = rs.getString(2);
                valid = rs.getBoolean(3);
                exists = !rs.wasNull();
            }
        }
        if (exists && !valid) {
            // an earlier build failed, or the app stopped during it: PostgreSQL leaves the index behind, unusable
            LOG.infof("dropping the unfinished vector graph of site %s", site.site());
            execute(c, "DROP INDEX CONCURRENTLY IF EXISTS " + name);
        }
        if (!valid) {
            LOG.infof("building a vector graph of site %s (%d records; %d vectors given their site first)",
                    site.site(), site.records(), filled);
            try (Statement s = c.createStatement()) {
                // the graph is built far faster when it fits in memory; reset before the connection goes back
                s.execute("SET maintenance_work_mem = '" + config.siteGraphs().buildMemoryMb() + "MB'");
                try {
                    s.execute(create);
                } finally {
                    s.execute("RESET maintenance_work_mem");
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO site_graphs (site, index_name, vectors)
                VALUES (?, ?, (SELECT count(*) FROM record_embeddings WHERE site = ?))
                ON CONFLICT (site) DO UPDATE SET index_name = excluded.index_name, vectors = excluded.vectors,
                                                 built_at = now()""")) {
            ps.setString(1, site.site());
            ps.setString(2, name);
            ps.setString(3, site.site());
            ps.executeUpdate();
        }
        LOG.infof("vector graph of site %s built in %d s", site.site(), (System.nanoTime() - started) / 1_000_000_000L);
    }

    /**
     * Gives the site's vectors written before migration V11 their site, a batch per transaction; answers how many.
     * Vectors written since have it from the triggers.
     */
    private long backfill(Connection c, String site) throws SQLException {
        long total = 0;
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE record_embeddings e SET site = r.site FROM records r
                 WHERE r.id = e.record_id AND r.site = ? AND (e.record_id, e.chunk) IN (
                       SELECT e2.record_id, e2.chunk FROM records r2 JOIN record_embeddings e2 ON e2.record_id = r2.id
                        WHERE r2.site = ? AND e2.site IS DISTINCT FROM r2.site LIMIT ?)""")) {
            ps.setString(1, site);
            ps.setString(2, site);
            ps.setInt(3, BACKFILL_BATCH);
            int n;
            while (!stopping && (n = ps.executeUpdate()) > 0) {
                total += n;
            }
        }
        return total;
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static boolean lock(Connection c, String function) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + function + "(?)")) {
            ps.setLong(1, LOCK);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    void onShutdown(@Observes ShutdownEvent event) {
        stopping = true;
    }
}
