package dev.faultline.record;

import dev.faultline.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Counts of records by period, fault class and asset: the numbers behind trends, Pareto charts and digests. */
@ApplicationScoped
class StatsRepository {

    private static final String FROM = " FROM records r LEFT JOIN record_faults f ON f.record_id = r.id WHERE TRUE";
    private static final String UNCLASSIFIED = "Unclassified";
    private static final String NO_ASSET = "(no asset)";

    private final DataSource dataSource;

    StatsRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    long count(RecordScope scope) {
        FilterSql where = scope.sql();
        return query("counting records", "SELECT count(*)" + FROM + where.conditions(), where.values(),
                rs -> rs.getLong(1)).get(0);
    }

    /** When the newest record in scope occurred, if any did. */
    java.util.Optional<OffsetDateTime> newest(RecordScope scope) {
        FilterSql where = scope.sql();
        return java.util.Optional.ofNullable(query("finding the newest record",
                "SELECT max(r.occurred_at)" + FROM + where.conditions(), where.values(),
                rs -> rs.getObject(1, OffsetDateTime.class)).get(0));
    }

    /** Ids of the newest records in scope. */
    List<Long> newestIds(RecordScope scope, int limit) {
        FilterSql where = scope.sql();
        return query("listing records", "SELECT r.id" + FROM + where.conditions()
                + " ORDER BY r.occurred_at DESC NULLS LAST, r.id DESC LIMIT " + limit, where.values(),
                rs -> rs.getLong(1));
    }

    /** Records per bucket ({@code day}, {@code week} starting Monday, {@code month}) in a zone, and per key. */
    List<StatsView.Bucket> series(RecordScope scope, StatsView.By by, String interval, String zone) {
        FilterSql where = scope.sql();
        List<Object> values = new ArrayList<>(List.of(interval, zone));
        values.addAll(where.values());
        return query("counting records per " + interval,
                "SELECT date_trunc(?, r.occurred_at AT TIME ZONE ?)::date AS bucket, " + key(by) + " AS key, count(*)"
                        + FROM + " AND r.occurred_at IS NOT NULL" + where.conditions() + " GROUP BY 1, 2 ORDER BY 1, 2",
                values, rs -> new StatsView.Bucket(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getLong(3)));
    }

    /** Keys by how many records they have, most first (ties by key); {@code limit} 0: all. */
    List<StatsView.Count> top(RecordScope scope, StatsView.By by, int limit) {
        FilterSql where = scope.sql();
        return query("counting records by " + by,
                "SELECT " + key(by) + " AS key, count(*)" + FROM + where.conditions()
                        + " GROUP BY 1 ORDER BY 2 DESC, 1" + (limit > 0 ? " LIMIT " + limit : ""),
                where.values(), rs -> new StatsView.Count(rs.getString(1), rs.getLong(2)));
    }

    /**
     * Per asset and fault class with at least two records in scope: how many, the first and the last, and the mean
     * time between them, (last - first) / (n - 1) in days, which PostgreSQL computes.
     */
    List<StatsView.Mtbf> mtbf(RecordScope scope, int limit) {
        FilterSql where = scope.sql();
        return query("computing the time between failures",
                "SELECT r.asset_id, f.fault_class, count(*), min(r.occurred_at), max(r.occurred_at),"
                        + " extract(epoch FROM max(r.occurred_at) - min(r.occurred_at)) / 86400.0 / (count(*) - 1)"
                        + FROM + " AND r.asset_id IS NOT NULL AND f.fault_class IS NOT NULL"
                        + " AND f.fault_class NOT IN ('Other', 'Unknown')"
                        + " AND r.occurred_at IS NOT NULL" + where.conditions()
                        + " GROUP BY 1, 2 HAVING count(*) >= 2 ORDER BY 6, 3 DESC, 1, 2 LIMIT " + limit,
                where.values(), rs -> new StatsView.Mtbf(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class), rs.getDouble(6)));
    }

    /**
     * Records in scope whose asset had no record of the same fault class in the {@code lookback} before the
     * scope's start: problems new to their asset. Newest first.
     */
    List<Long> newProblems(RecordScope scope, Duration lookback, int limit) {
        FilterSql where = scope.sql();
        List<Object> values = new ArrayList<>(where.values());
        values.add(scope.from().minus(lookback));
        values.add(scope.from());
        return query("finding problems new to their asset",
                "SELECT r.id" + FROM + " AND r.asset_id IS NOT NULL AND f.fault_class IS NOT NULL" + where.conditions()
                        + " AND NOT EXISTS (SELECT 1 FROM records p JOIN record_faults pf ON pf.record_id = p.id"
                        + " WHERE p.asset_id = r.asset_id AND pf.fault_class = f.fault_class"
                        + " AND p.occurred_at >= ? AND p.occurred_at < ?)"
                        + " ORDER BY r.occurred_at DESC, r.id DESC LIMIT " + limit,
                values, rs -> rs.getLong(1));
    }

    private static String key(StatsView.By by) {
        return by == StatsView.By.asset ? "coalesce(r.asset_id, '" + NO_ASSET + "')"
                : "coalesce(f.fault_class, '" + UNCLASSIFIED + "')";
    }

    private <T> List<T> query(String what, String sql, List<Object> values, Jdbc.RowMapper<T> mapper) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(i + 1, values.get(i));
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(what, e);
        }
    }
}
