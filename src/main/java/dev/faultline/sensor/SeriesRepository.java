package dev.faultline.sensor;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Reads a series for a chart without reading every reading: the finest source (raw readings, or the 1-minute,
 * 1-hour or 1-day rollups) that holds at most {@link #MAX_ROWS} rows for the range, grouped into at most
 * {@code points} equal buckets with min, max, sum and count (so a spike is never averaged away).
 */
@ApplicationScoped
class SeriesRepository {

    /** The most rows one chart query reads; bounds its cost whatever the range and sampling rate. */
    static final int MAX_ROWS = 8_000;
    static final int[] WIDTHS = {60, 3600, 86400};

    private static final String FROM_RAW =
            """
            SELECT least(floor(extract(epoch FROM (time - ?)) / ?), ? - 1)::int AS b, min(time), min(value),
                   max(value), sum(value), count(*)
              FROM sensor_readings WHERE sensor_id = ? AND time >= ? AND time < ?
             GROUP BY b ORDER BY b
            """;
    private static final String FROM_ROLLUP =
            """
            SELECT least(floor(extract(epoch FROM (bucket - ?)) / ?), ? - 1)::int AS b, min(bucket), min(min),
                   max(max), sum(sum), sum(count)
              FROM sensor_rollups WHERE sensor_id = ? AND width_s = ? AND bucket >= ? AND bucket < ?
             GROUP BY b ORDER BY b
            """;
    private static final String RAW_POINTS =
            "SELECT time, value FROM sensor_readings WHERE sensor_id = ? AND time >= ? AND time < ? ORDER BY time";
    // how many readings the range holds, from the minute rollups (partial minutes at the edges included)
    private static final String COUNT =
            "SELECT coalesce(sum(count), 0) FROM sensor_rollups WHERE sensor_id = ? AND width_s = 60"
                    + " AND bucket >= date_bin('1 minute', ?, TIMESTAMPTZ 'epoch') AND bucket < ?";

    /** Buckets read from one source: the rows and what they were made from. */
    record Buckets(String resolution, long bucketSeconds, long readings, List<Double> t, List<Double> min,
            List<Double> max, List<Double> mean, List<Long> count) {}

    private final DataSource dataSource;

    SeriesRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Buckets read(int sensor, Instant from, Instant to, int points) throws SQLException {
        long span = Math.max(1, to.getEpochSecond() - from.getEpochSecond());
        try (Connection c = dataSource.getConnection()) {
            try (var st = c.createStatement()) {
                // a chart reads at most MAX_ROWS rows: never worth compiling (the caller's transaction ends it)
                st.execute("SET LOCAL jit = off");
            }
            long readings = span / 60 <= MAX_ROWS ? count(c, sensor, from, to) : Long.MAX_VALUE;
            if (readings <= points) {
                return points(c, sensor, from, to);
            }
            if (readings <= MAX_ROWS) {
                long width = (long) Math.ceil((double) span / points);
                return query(c, FROM_RAW, sensor, 0, from, to, width, points, "raw", width);
            }
            int level = WIDTHS.length - 1;
            for (int i = 0; i < WIDTHS.length; i++) {
                if (span / WIDTHS[i] <= MAX_ROWS) {
                    level = i;
                    break;
                }
            }
            int w = WIDTHS[level];
            long width = Math.max(w, (long) Math.ceil((double) span / points / w) * w);
            Instant start = Instant.ofEpochSecond(Math.floorDiv(from.getEpochSecond(), w) * w);
            return query(c, FROM_ROLLUP, sensor, w, start, to, width, points, w == 60 ? "1m" : w == 3600 ? "1h" : "1d",
                    width);
        }
    }

    private static long count(Connection c, int sensor, Instant from, Instant to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COUNT)) {
            ps.setInt(1, sensor);
            ps.setTimestamp(2, Timestamp.from(from));
            ps.setTimestamp(3, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Every reading of the range, each its own point. */
    private static Buckets points(Connection c, int sensor, Instant from, Instant to) throws SQLException {
        List<Double> t = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(RAW_POINTS)) {
            ps.setInt(1, sensor);
            ps.setTimestamp(2, Timestamp.from(from));
            ps.setTimestamp(3, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    t.add(rs.getTimestamp(1).toInstant().toEpochMilli() / 1000.0);
                    values.add(rs.getDouble(2));
                }
            }
        }
        return new Buckets("raw", 0, t.size(), t, values, values, values, java.util.Collections.nCopies(t.size(), 1L));
    }

    private static Buckets query(Connection c, String sql, int sensor, int level, Instant from, Instant to,
            long width, int buckets, String resolution, long bucketSeconds) throws SQLException {
        List<Double> t = new ArrayList<>();
        List<Double> min = new ArrayList<>();
        List<Double> max = new ArrayList<>();
        List<Double> mean = new ArrayList<>();
        List<Long> count = new ArrayList<>();
        long readings = 0;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setTimestamp(i++, Timestamp.from(from));
            ps.setLong(i++, width);
            ps.setInt(i++, buckets);
            ps.setInt(i++, sensor);
            if (level > 0) {
                ps.setInt(i++, level);
            }
            ps.setTimestamp(i++, Timestamp.from(from));
            ps.setTimestamp(i, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long n = rs.getLong(6);
                    t.add(rs.getTimestamp(2).toInstant().toEpochMilli() / 1000.0);
                    min.add(rs.getDouble(3));
                    max.add(rs.getDouble(4));
                    mean.add(rs.getDouble(5) / n);
                    count.add(n);
                    readings += n;
                }
            }
        }
        return new Buckets(resolution, bucketSeconds, readings, t, min, max, mean, count);
    }
}
