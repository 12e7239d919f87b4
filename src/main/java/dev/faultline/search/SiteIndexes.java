package dev.faultline.search;

import dev.faultline.db.Jdbc;
import dev.faultline.record.RecordFilter;
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
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.postgresql.core.Utils;

/**
 * Indexes of its own for each large site (migration V11): a vector graph (a partial HNSW index over the site's
 * vectors) and a full-text index (a partial GIN index over the site's records). A search filtered to the site then
 * reads the site's nearest vectors directly, instead of picking them out of the nearest of every site, and the
 * posting lists of the site's records only, instead of every site's. Built in the background, one site at a time,
 * with {@code CREATE INDEX CONCURRENTLY}: writes go on meanwhile, and a site's indexes are used only once both are
 * built and valid. Several app instances take turns through an advisory lock.
 */
@ApplicationScoped
public class SiteIndexes {

    private static final Logger LOG = Logger.getLogger(SiteIndexes.class);
    /** Listed sites whose two indexes exist and are valid: a failed or dropped build is not used. */
    private static final String BUILT = """
            SELECT s.site FROM site_indexes s
             WHERE (SELECT count(*) FROM pg_class c JOIN pg_index i ON i.indexrelid = c.oid
                     WHERE c.relname IN (s.graph_index, s.text_index) AND i.indisvalid) = 2""";
    private static final int BACKFILL_BATCH = 2000;
    /** The builders' advisory lock ("FAUSITE"). */
    static final long LOCK = 0x46415553495445L;

    private final DataSource dataSource;
    private final SearchConfig config;
    private volatile Set<String> built = Set.of();
    private volatile boolean stopping;

    SiteIndexes(DataSource dataSource, SearchConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** A site due for its own indexes, with its number of records. */
    record Due(String site, long records) {}

    /** One partial index of a site: its name, the statement that builds it, whether it exists, and is valid. */
    private record Index(String name, String create, boolean exists, boolean valid) {}

    /** Whether this site has its own indexes that search can use (as of the last {@link #refresh()}). */
    boolean has(String site) {
        return config.siteIndexes().enabled() && built.contains(site);
    }

    /** Whether the filter names a site with indexes of its own that search can use. */
    boolean serves(RecordFilter filter) {
        return filter.site() != null && has(filter.site());
    }

    /**
     * The condition, on {@code alias.site}, that lets PostgreSQL pick the filtered site's own indexes: the site written
     * as a literal, which a generic plan of a bound parameter cannot match to a partial index. Empty without a site
     * filter, or when the site has none.
     */
    String condition(RecordFilter filter, String alias) {
        return serves(filter) ? " AND " + alias + ".site = " + literal(filter.site()) : "";
    }

    /**
     * The site as an SQL string literal, for the conditions that let PostgreSQL pick the site's partial indexes: a
     * bound parameter would not do, as a generic plan (the JDBC driver prepares a statement on the server after five
     * runs) cannot know which site it is.
     */
    static String literal(String site) {
        try {
            // E'...' with quotes and backslashes doubled: the same string whatever standard_conforming_strings says
            return Utils.escapeLiteral(new StringBuilder("E'"), site, false).append('\'').toString();
        } catch (SQLException e) {
            throw new IllegalArgumentException("site: " + e.getMessage(), e); // a NUL character, which text cannot hold
        }
    }

    /**
     * Re-reads the built indexes: at start, every 30 s (another instance may have built some, or an index may have
     * been dropped) and after a build; never on a search's own connection, whose transaction a failure would end.
     * Synchronized, so that an older read never overwrites a newer one.
     */
    @Scheduled(every = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void refresh() {
        try {
            built = Set.copyOf(Jdbc.list(dataSource, "reading the site indexes", rs -> rs.getString(1), BUILT));
        } catch (IllegalStateException e) {
            // searching goes on without the site indexes (filtered like any other filter) until the next read
            LOG.warnf("%s: %s", e.getMessage(), e.getCause() == null ? "" : e.getCause().getMessage());
            built = Set.of();
        }
    }

    @Scheduled(every = "${faultline.search.site-indexes.interval}", delayed = "${faultline.search.site-indexes.delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        SearchConfig.SiteIndexesConfig c = config.siteIndexes();
        if (c.enabled() && c.minRecords() > 0) {
            try {
                buildDue(c.minRecords(), c.maxShare());
            } catch (RuntimeException e) {
                LOG.warnf("building site indexes failed, will retry: %s", e.getMessage());
            }
        }
    }

    /**
     * Builds the indexes of the sites with at least {@code minRecords} records and at most {@code maxShare} of all
     * (a site that is most of the table gains little from indexes of its own, and would double the cost of every
     * record and vector written), largest first; answers the sites built. Does nothing while another instance builds.
     */
    List<String> buildDue(int minRecords, double maxShare) {
        List<String> done = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true); // CREATE INDEX CONCURRENTLY runs outside a transaction; each backfill batch commits
            if (!lock(c, "pg_try_advisory_lock")) {
                LOG.debug("another instance is building site indexes");
                return done;
            }
            try {
                for (Due site : due(c, minRecords, maxShare)) {
                    if (stopping) {
                        break;
                    }
                    if (build(c, site)) {
                        done.add(site.site());
                    }
                }
            } finally {
                lock(c, "pg_advisory_unlock");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("building site indexes: " + e.getMessage(), e);
        }
        if (!done.isEmpty()) {
            refresh();
        }
        return done;
    }

    private static List<Due> due(Connection c, int minRecords, double maxShare) throws SQLException {
        // an index-only scan of records_site_recent_idx
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

    /** Builds the site's two indexes and lists the site; false when the app stopped first. */
    private boolean build(Connection c, Due site) throws SQLException {
        long started = System.nanoTime();
        LOG.infof("building the indexes of site %s (%d records)", site.site(), site.records());
        long filled = backfill(c, site.site());
        if (stopping) {
            return false; // not listed: the next start fills the rest and builds
        }
        Index graph = index(c, site.site(), "record_embeddings_site_",
                "record_embeddings USING hnsw (embedding vector_cosine_ops)");
        Index text = index(c, site.site(), "records_site_text_", "records USING gin (search_tsv)");
        try (Statement s = c.createStatement()) {
            // a graph is built far faster when it fits in memory; reset before the connection goes back
            s.execute("SET maintenance_work_mem = '" + config.siteIndexes().buildMemoryMb() + "MB'");
            try {
                for (Index index : List.of(graph, text)) {
                    if (index.exists() && !index.valid()) {
                        // an earlier build failed, or the app stopped during it: PostgreSQL leaves it behind, unusable
                        s.execute("DROP INDEX CONCURRENTLY IF EXISTS " + index.name());
                    }
                    if (!index.valid()) {
                        s.execute(index.create());
                    }
                }
            } finally {
                s.execute("RESET maintenance_work_mem");
            }
        }
        // a vector whose record moved to this site while the fill ran is given its site now (the triggers cover
        // every move after this point)
        filled += backfill(c, site.site());
        if (stopping) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO site_indexes (site, graph_index, text_index, records) VALUES (?, ?, ?, ?)
                ON CONFLICT (site) DO UPDATE SET graph_index = excluded.graph_index, text_index = excluded.text_index,
                                                 records = excluded.records, built_at = now()""")) {
            ps.setString(1, site.site());
            ps.setString(2, graph.name());
            ps.setString(3, text.name());
            ps.setLong(4, site.records());
            ps.executeUpdate();
        }
        LOG.infof("indexes of site %s built in %d s (%d older vectors given their site first)", site.site(),
                (System.nanoTime() - started) / 1_000_000_000L, filled);
        return true;
    }

    /** A partial index of the site, named by a hash of the site (letters, digits and underscores only). */
    private static Index index(Connection c, String site, String prefix, String on) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT n, format('CREATE INDEX CONCURRENTLY %%I ON %s WHERE site = %%L', n, s),
                       (SELECT i.indisvalid FROM pg_class x JOIN pg_index i ON i.indexrelid = x.oid WHERE x.relname = n)
                  FROM (SELECT ?::text AS s, ? || left(md5(?), 16) AS n) a""".formatted(on))) {
            ps.setString(1, site);
            ps.setString(2, prefix);
            ps.setString(3, site);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String name = rs.getString(1);
                String create = rs.getString(2);
                boolean valid = rs.getBoolean(3);
                return new Index(name, create, !rs.wasNull(), valid);
            }
        }
    }

    /**
     * Gives the site's vectors that lack it their site (written before migration V11, or moved there during a build),
     * a batch per transaction, in record order (from the last record of the batch before: a record's other chunks
     * may not have fitted in it); answers how many. Each batch first locks its records (FOR SHARE), as
     * a site change does: a record that moves meanwhile is left to the triggers, never given its old site.
     */
    private long backfill(Connection c, String site) throws SQLException {
        long total = 0;
        long after = 0;
        try (PreparedStatement ps = c.prepareStatement("""
                WITH batch AS (
                    SELECT e2.record_id, e2.chunk FROM records r2 JOIN record_embeddings e2 ON e2.record_id = r2.id
                     WHERE r2.site = ? AND r2.id >= ? AND e2.site IS DISTINCT FROM r2.site
                     ORDER BY r2.id LIMIT ? FOR SHARE OF r2)
                UPDATE record_embeddings e SET site = ? FROM batch b
                 WHERE e.record_id = b.record_id AND e.chunk = b.chunk RETURNING e.record_id""")) {
            ps.setString(1, site);
            ps.setInt(3, BACKFILL_BATCH);
            ps.setString(4, site);
            while (!stopping) {
                ps.setLong(2, after);
                int n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        after = Math.max(after, rs.getLong(1));
                        n++;
                    }
                }
                if (n == 0) {
                    break;
                }
                total += n;
            }
        }
        return total;
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
