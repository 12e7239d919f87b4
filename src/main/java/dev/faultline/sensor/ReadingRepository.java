package dev.faultline.sensor;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import dev.faultline.db.Copy;
import java.util.List;
import javax.sql.DataSource;

/**
 * Readings and their rollups. A batch is copied (COPY) into a temporary table and upserted from there in one
 * statement; the minute buckets it touched are merged with what the batch added (or recomputed from the raw
 * readings where a value changed), then the hours and days from their minutes. Each write takes a transaction-scoped advisory lock
 * per sensor first, so two writers of one sensor never compute a rollup bucket from each other's uncommitted rows.
 */
@ApplicationScoped
class ReadingRepository {

    private static final String LOCK = "SELECT pg_advisory_xact_lock(7340, id) FROM unnest(?::int[]) AS id ORDER BY id";
    // a batch goes to a temporary table by COPY first; what the upsert wrote is kept in a second one
    private static final String STAGE = "CREATE TEMP TABLE IF NOT EXISTS reading_stage"
            + " (ord int, sensor_id int, time timestamptz, value float8) ON COMMIT DELETE ROWS";
    private static final String WRITTEN = "CREATE TEMP TABLE IF NOT EXISTS reading_written"
            + " (sensor_id int, time timestamptz, value float8, inserted boolean) ON COMMIT DELETE ROWS";
    private static final String COPY = "COPY reading_stage (ord, sensor_id, time, value) FROM STDIN";
    // the last of several readings of one sensor and time in a batch wins, as in a file read top to bottom
    private static final String UPSERT =
            """
            WITH upserted AS (
                INSERT INTO sensor_readings AS r (sensor_id, time, value)
                SELECT DISTINCT ON (sensor_id, time) sensor_id, time, value FROM reading_stage
                 ORDER BY sensor_id, time, ord DESC
                ON CONFLICT (sensor_id, time) DO UPDATE SET value = EXCLUDED.value
                 WHERE r.value IS DISTINCT FROM EXCLUDED.value
                RETURNING r.sensor_id, r.time, r.value, xmax = 0 AS inserted),
            kept AS (INSERT INTO reading_written SELECT * FROM upserted RETURNING inserted)
            SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM kept
            """;
    // minute buckets that only gained readings: merged with what they held (min of mins, sums added); exact
    private static final String MINUTES_ADDED =
            """
            INSERT INTO sensor_rollups AS o (sensor_id, width_s, bucket, min, max, sum, count)
            SELECT sensor_id, 60, date_bin('1 minute', time, TIMESTAMPTZ 'epoch'), min(value), max(value), sum(value),
                   count(*)
              FROM reading_written GROUP BY 1, 3 HAVING bool_and(inserted)
            ON CONFLICT (sensor_id, width_s, bucket) DO UPDATE
               SET min = least(o.min, EXCLUDED.min), max = greatest(o.max, EXCLUDED.max), sum = o.sum + EXCLUDED.sum,
                   count = o.count + EXCLUDED.count
            """;
    // minute buckets where a reading changed value: recomputed from their raw readings
    private static final String MINUTES_CHANGED =
            """
            INSERT INTO sensor_rollups (sensor_id, width_s, bucket, min, max, sum, count)
            SELECT t.sensor_id, 60, t.bucket, a.min, a.max, a.sum, a.count
              FROM (SELECT DISTINCT sensor_id, date_bin('1 minute', time, TIMESTAMPTZ 'epoch') AS bucket
                      FROM reading_written WHERE NOT inserted) t,
                   LATERAL (SELECT min(r.value) AS min, max(r.value) AS max, sum(r.value) AS sum, count(*) AS count
                              FROM sensor_readings r
                             WHERE r.sensor_id = t.sensor_id AND r.time >= t.bucket
                               AND r.time < t.bucket + interval '1 minute') a
            ON CONFLICT (sensor_id, width_s, bucket) DO UPDATE
               SET min = EXCLUDED.min, max = EXCLUDED.max, sum = EXCLUDED.sum, count = EXCLUDED.count
            """;
    // a coarser level (%1$d seconds) from the finer one (%2$d seconds), for the buckets touched
    private static final String COARSER =
            """
            INSERT INTO sensor_rollups (sensor_id, width_s, bucket, min, max, sum, count)
            SELECT t.sensor_id, %1$d, t.bucket, a.min, a.max, a.sum, a.count
              FROM (SELECT DISTINCT sensor_id, date_bin(%1$d * interval '1 second', time, TIMESTAMPTZ 'epoch') AS bucket
                      FROM reading_written) t,
                   LATERAL (SELECT min(f.min) AS min, max(f.max) AS max, sum(f.sum) AS sum, sum(f.count) AS count
                              FROM sensor_rollups f
                             WHERE f.sensor_id = t.sensor_id AND f.width_s = %2$d AND f.bucket >= t.bucket
                               AND f.bucket < t.bucket + %1$d * interval '1 second') a
            ON CONFLICT (sensor_id, width_s, bucket) DO UPDATE
               SET min = EXCLUDED.min, max = EXCLUDED.max, sum = EXCLUDED.sum, count = EXCLUDED.count
            """;

    private final DataSource dataSource;

    ReadingRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Upserts the readings and refreshes the rollups they touch; answers {inserted, updated}. */
    long[] upsert(int[] sensors, Instant[] times, double[] values) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(LOCK)) {
                ps.setArray(1, c.createArrayOf("int4", Arrays.stream(sensors).distinct().boxed().toArray()));
                ps.execute();
            }
            try (Statement st = c.createStatement()) {
                // PostgreSQL's JIT compiler judges these statements expensive and spends ~200 ms compiling each
                // (measured): they read a few rows per bucket, which it cannot see
                st.execute("SET LOCAL jit = off");
                st.execute(STAGE);
                st.execute(WRITTEN);
            }
            StringBuilder rows = new StringBuilder(sensors.length * 48);
            for (int i = 0; i < sensors.length; i++) {
                rows.append(i).append('\t').append(sensors[i]).append('\t').append(times[i]).append('\t')
                        .append(values[i]).append('\n');
            }
            Copy.in(c, COPY, rows);
            long[] counts = new long[2];
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(UPSERT)) {
                rs.next();
                counts[0] = rs.getLong(1);
                counts[1] = rs.getLong(2);
            }
            try (Statement st = c.createStatement()) {
                for (String sql : List.of(MINUTES_ADDED, MINUTES_CHANGED, COARSER.formatted(3600, 60),
                        COARSER.formatted(86400, 3600))) {
                    st.executeUpdate(sql);
                }
                // emptied now, not only at commit: a caller may write several batches in one transaction
                st.execute("TRUNCATE reading_stage, reading_written");
            }
            return counts;
        }
    }

    /** Deletes readings and rollups older than {@code before}; answers the readings deleted. */
    long deleteBefore(Timestamp before) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement readings = c.prepareStatement("DELETE FROM sensor_readings WHERE time < ?");
                PreparedStatement rollups = c.prepareStatement(
                        "DELETE FROM sensor_rollups WHERE bucket + width_s * interval '1 second' <= ?")) {
            readings.setTimestamp(1, before);
            rollups.setTimestamp(1, before);
            long n = readings.executeUpdate();
            rollups.executeUpdate();
            return n;
        }
    }

}
