package dev.faultline.sensor;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/** Reads an asset's readings for models: a time range of several sensors pivoted into steps, or the last steps. */
@ApplicationScoped
class HistoryRepository {

    private static final String RANGE =
            """
            SELECT r.time, s.name, r.value FROM sensors s JOIN sensor_readings r ON r.sensor_id = s.id
             WHERE s.asset_id = ? AND s.name = ANY (?::text[]) AND r.time > ? AND r.time <= ?
            """;
    // the last n readings of each sensor: one backward index scan per sensor
    private static final String LAST =
            """
            SELECT r.time, s.name, r.value FROM sensors s, LATERAL (
                SELECT time, value FROM sensor_readings x WHERE x.sensor_id = s.id AND x.time > ?
                 ORDER BY time DESC LIMIT ?) r
             WHERE s.asset_id = ? AND s.name = ANY (?::text[])
            """;
    private static final String COUNT =
            """
            SELECT count(DISTINCT r.time) FROM sensors s JOIN sensor_readings r ON r.sensor_id = s.id
             WHERE s.asset_id = ? AND s.name = ANY (?::text[]) AND r.time > ?
            """;
    private static final Timestamp BEGINNING = Timestamp.from(Instant.parse("1900-01-01T00:00:00Z"));
    private static final Timestamp END = Timestamp.from(Instant.parse("9999-01-01T00:00:00Z"));

    private final DataSource dataSource;

    HistoryRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The readings in (after, until]; null bounds are open. */
    History range(String asset, List<String> sensors, OffsetDateTime after, OffsetDateTime until) throws SQLException {
        return read(RANGE, sensors, Integer.MAX_VALUE, ps -> {
            ps.setString(1, asset);
            ps.setArray(2, ps.getConnection().createArrayOf("text", sensors.toArray()));
            ps.setTimestamp(3, after == null ? BEGINNING : Timestamp.from(after.toInstant()));
            ps.setTimestamp(4, until == null ? END : Timestamp.from(until.toInstant()));
        });
    }

    /** The last {@code steps} reading times after {@code after} (null: all time). */
    History last(String asset, List<String> sensors, OffsetDateTime after, int steps) throws SQLException {
        return read(LAST, sensors, steps, ps -> {
            ps.setTimestamp(1, after == null ? BEGINNING : Timestamp.from(after.toInstant()));
            ps.setInt(2, steps);
            ps.setString(3, asset);
            ps.setArray(4, ps.getConnection().createArrayOf("text", sensors.toArray()));
        });
    }

    /** How many distinct reading times the asset has after {@code after} (null: all time). */
    long steps(String asset, List<String> sensors, OffsetDateTime after) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(COUNT)) {
            ps.setString(1, asset);
            ps.setArray(2, c.createArrayOf("text", sensors.toArray()));
            ps.setTimestamp(3, after == null ? BEGINNING : Timestamp.from(after.toInstant()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private History read(String sql, List<String> sensors, int keepLast, Binder binder) throws SQLException {
        TreeMap<Instant, double[]> rows = new TreeMap<>();
        Map<String, Integer> column = new java.util.HashMap<>();
        for (int i = 0; i < sensors.size(); i++) {
            column.put(sensors.get(i), i);
        }
        try (Connection c = dataSource.getConnection()) {
            try (Statement st = c.createStatement()) {
                st.execute("SET jit = off");
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                ps.setFetchSize(10_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        double[] row = rows.computeIfAbsent(rs.getTimestamp(1).toInstant(), t -> {
                            double[] r = new double[sensors.size()];
                            Arrays.fill(r, Double.NaN);
                            return r;
                        });
                        row[column.get(rs.getString(2))] = rs.getDouble(3);
                    }
                }
            }
        }
        while (rows.size() > keepLast) {
            rows.pollFirstEntry();
        }
        List<OffsetDateTime> times = new ArrayList<>(rows.size());
        rows.keySet().forEach(t -> times.add(t.atOffset(java.time.ZoneOffset.UTC)));
        return new History(sensors, times, rows.values().toArray(double[][]::new));
    }
}
