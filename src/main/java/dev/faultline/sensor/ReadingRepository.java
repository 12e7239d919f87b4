package dev.faultline.sensor;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import javax.sql.DataSource;

/**
 * Readings and their rollups. Writes are one statement per batch (arrays + {@code unnest}); each write takes a
 * transaction-scoped advisory lock per sensor first, so two writers of one sensor never compute a rollup bucket
 * from each other's uncommitted rows.
 */
@ApplicationScoped
class ReadingRepository {

    private static final String LOCK = "SELECT pg_advisory_xact_lock(7340, id) FROM unnest(?::int[]) AS id ORDER BY id";
    private static final String UPSERT =
            """
            WITH upserted AS (
                INSERT INTO sensor_readings AS r (sensor_id, time, value)
                SELECT * FROM unnest(?::int[], ?::timestamptz[], ?::float8[])
                ON CONFLICT (sensor_id, time) DO UPDATE SET value = EXCLUDED.value
                 WHERE r.value IS DISTINCT FROM EXCLUDED.value
                RETURNING xmax = 0 AS inserted)
            SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM upserted
            """;
    // the minute buckets touched, recomputed from their raw readings
    private static final String MINUTES =
            """
            WITH touched AS (
                SELECT DISTINCT sensor_id, date_bin('1 minute', t, TIMESTAMPTZ 'epoch') AS bucket
                  FROM unnest(?::int[], ?::timestamptz[]) AS i (sensor_id, t))
            INSERT INTO sensor_rollups (sensor_id, width_s, bucket, min, max, sum, count)
            SELECT t.sensor_id, 60, t.bucket, min(r.value), max(r.value), sum(r.value), count(*)
              FROM touched t JOIN sensor_readings r
                ON r.sensor_id = t.sensor_id AND r.time >= t.bucket AND r.time < t.bucket + interval '1 minute'
             GROUP BY t.sensor_id, t.bucket
            ON CONFLICT (sensor_id, width_s, bucket) DO UPDATE
               SET min = EXCLUDED.min, max = EXCLUDED.max, sum = EXCLUDED.sum, count = EXCLUDED.count
            """;
    // a coarser level (%1$d seconds) from the finer one (%2$d seconds), for the buckets touched
    private static final String COARSER =
            """
            WITH touched AS (
                SELECT DISTINCT sensor_id, date_bin(%1$d * interval '1 second', t, TIMESTAMPTZ 'epoch') AS bucket
                  FROM unnest(?::int[], ?::timestamptz[]) AS i (sensor_id, t))
            INSERT INTO sensor_rollups (sensor_id, width_s, bucket, min, max, sum, count)
            SELECT t.sensor_id, %1$d, t.bucket, min(f.min), max(f.max), sum(f.sum), sum(f.count)
              FROM touched t JOIN sensor_rollups f
                ON f.sensor_id = t.sensor_id AND f.width_s = %2$d
               AND f.bucket >= t.bucket AND f.bucket < t.bucket + %1$d * interval '1 second'
             GROUP BY t.sensor_id, t.bucket
            ON CONFLICT (sensor_id, width_s, bucket) DO UPDATE
               SET min = EXCLUDED.min, max = EXCLUDED.max, sum = EXCLUDED.sum, count = EXCLUDED.count
            """;

    private final DataSource dataSource;

    ReadingRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Upserts the readings and refreshes the rollups they touch; answers {inserted, updated}. */
    long[] upsert(int[] sensors, Timestamp[] times, double[] values) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Array ids = c.createArrayOf("int4", box(sensors));
            Array at = c.createArrayOf("timestamptz", times);
            try (PreparedStatement ps = c.prepareStatement(LOCK)) {
                ps.setArray(1, c.createArrayOf("int4", java.util.Arrays.stream(sensors).distinct().boxed().toArray()));
                ps.execute();
            }
            long[] counts = new long[2];
            try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                ps.setArray(1, ids);
                ps.setArray(2, at);
                ps.setArray(3, c.createArrayOf("float8", java.util.Arrays.stream(values).boxed().toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    counts[0] = rs.getLong(1);
                    counts[1] = rs.getLong(2);
                }
            }
            for (String sql : List.of(MINUTES, COARSER.formatted(3600, 60), COARSER.formatted(86400, 3600))) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setArray(1, ids);
                    ps.setArray(2, at);
                    ps.executeUpdate();
                }
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

    private static Integer[] box(int[] values) {
        return java.util.Arrays.stream(values).boxed().toArray(Integer[]::new);
    }
}
