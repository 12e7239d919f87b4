package dev.faultline.index;

import dev.faultline.db.Vectors;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.time.OffsetDateTime;
import javax.sql.DataSource;

/** The embedding queue and the stored vectors. */
@ApplicationScoped
public class IndexRepository {

    /** A queued record's text. */
    record Pending(long recordId, String title, String text, String fieldsJson, String contentHash,
            String assetType) {}

    /** One vector to store, with the hash of the passage it was made from ({@link PassageEmbedder#hash}, hex). */
    record Vector(long recordId, int chunk, String contentHash, String passageHash, float[] embedding) {}

    // SKIP LOCKED: several instances (or threads) drain the queue without waiting on or repeating each other
    private static final String CLAIM =
            """
            SELECT q.record_id, r.title, r.text, r.fields::text, r.content_hash, r.asset_type
              FROM embedding_queue q JOIN records r ON r.id = q.record_id
             WHERE q.parked_at IS NULL AND q.not_before <= now()
             ORDER BY q.enqueued_at, q.record_id LIMIT ? FOR UPDATE OF q SKIP LOCKED
            """;
    private static final String CLAIM_ONE =
            """
            SELECT q.record_id, r.title, r.text, r.fields::text, r.content_hash, r.asset_type
              FROM embedding_queue q JOIN records r ON r.id = q.record_id
             WHERE q.record_id = ? AND q.parked_at IS NULL AND q.not_before <= now()
               FOR UPDATE OF q SKIP LOCKED
            """;
    // the wait doubles with each attempt, up to an hour; the last attempt parks the record
    private static final String FAILED =
            """
            UPDATE embedding_queue
               SET attempts = attempts + 1, last_error = left(?, 1000),
                   not_before = now() + least(? * power(2, attempts), 3600) * interval '1 second',
                   parked_at = CASE WHEN attempts + 1 >= ? THEN now() END
             WHERE record_id = ?
            RETURNING parked_at IS NOT NULL
            """;
    private static final String FAILURES =
            """
            SELECT record_id, attempts, last_error, parked_at, CASE WHEN parked_at IS NULL THEN not_before END
              FROM embedding_queue WHERE attempts > 0
            """;
    private static final String INSERT =
            """
            INSERT INTO record_embeddings (record_id, chunk, model, content_hash, passage_hash, embedding)
            VALUES (?, ?, ?, ?, ?, ?)
            """;
    // one stored vector per passage (any of them: the same text and model made each)
    private static final String STORED =
            """
            SELECT DISTINCT ON (passage_hash) passage_hash, embedding::text FROM record_embeddings
             WHERE passage_hash = ANY (?) AND model = ?
            """;
    private static final String ENQUEUE_MISSING =
            """
            INSERT INTO embedding_queue (record_id)
            SELECT r.id FROM records r
             WHERE NOT EXISTS (SELECT 1 FROM record_embeddings e
                                WHERE e.record_id = r.id AND e.model = ? AND e.content_hash = r.content_hash)
            ON CONFLICT (record_id) DO NOTHING
            """;

    private final DataSource dataSource;

    IndexRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    List<Pending> claim(int limit) throws SQLException {
        return claim(CLAIM, limit);
    }

    List<Pending> claimOne(long recordId) throws SQLException {
        return claim(CLAIM_ONE, recordId);
    }

    private List<Pending> claim(String sql, long parameter) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, parameter);
            List<Pending> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)));
                }
            }
            return list;
        }
    }

    /** Replaces the records' vectors with the new ones and takes them off the queue. */
    void replace(List<Long> recordIds, List<Vector> vectors, String model) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Long[] ids = recordIds.toArray(Long[]::new);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM record_embeddings WHERE record_id = ANY (?)")) {
                ps.setArray(1, c.createArrayOf("bigint", ids));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (Vector v : vectors) {
                    ps.setLong(1, v.recordId());
                    ps.setInt(2, v.chunk());
                    ps.setString(3, model);
                    ps.setString(4, v.contentHash());
                    ps.setBytes(5, HexFormat.of().parseHex(v.passageHash()));
                    ps.setObject(6, Vectors.param(v.embedding()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM embedding_queue WHERE record_id = ANY (?)")) {
                ps.setArray(1, c.createArrayOf("bigint", ids));
                ps.executeUpdate();
            }
        }
    }

    /** The stored vectors of these passages from this model, by passage hash. */
    Map<String, float[]> stored(Collection<String> passageHashes, String model) throws SQLException {
        Map<String, float[]> found = new HashMap<>();
        if (passageHashes.isEmpty()) {
            return found;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(STORED)) {
            ps.setArray(1, c.createArrayOf("bytea",
                    passageHashes.stream().map(HexFormat.of()::parseHex).toArray(byte[][]::new)));
            ps.setString(2, model);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(HexFormat.of().formatHex(rs.getBytes(1)), Vectors.read(rs.getString(2)));
                }
            }
        }
        return found;
    }

    /** Queues every record without a current vector from this model (first start, or a model change). */
    int enqueueMissing(String model) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(ENQUEUE_MISSING)) {
            ps.setString(1, model);
            return ps.executeUpdate();
        }
    }

    long pending() throws SQLException {
        return count("SELECT count(*) FROM embedding_queue WHERE parked_at IS NULL", null);
    }

    /** Counts a failed attempt; answers whether the record is now parked. */
    boolean failed(long recordId, String error, java.time.Duration backoff, int maxAttempts) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(FAILED)) {
            ps.setString(1, error == null ? "unknown error" : error);
            ps.setDouble(2, backoff.toMillis() / 1000.0);
            ps.setInt(3, maxAttempts);
            ps.setLong(4, recordId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    long parkedCount() throws SQLException {
        return count("SELECT count(*) FROM embedding_queue WHERE parked_at IS NOT NULL", null);
    }

    /** The most recently parked records. */
    List<IndexStatus.Failure> parked(int limit) throws SQLException {
        return failures(FAILURES + " AND parked_at IS NOT NULL ORDER BY parked_at DESC LIMIT ?", limit);
    }

    Optional<IndexStatus.Failure> failure(long recordId) throws SQLException {
        return failures(FAILURES + " AND record_id = ?", recordId).stream().findFirst();
    }

    private List<IndexStatus.Failure> failures(String sql, long parameter) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, parameter);
            List<IndexStatus.Failure> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new IndexStatus.Failure(rs.getLong(1), rs.getInt(2), rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class)));
                }
            }
            return list;
        }
    }

    /** A restart gives parked records another series of attempts (the cause may have been fixed). */
    int unparkAll() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE embedding_queue SET parked_at = NULL, attempts = 0,"
                        + " not_before = '-infinity' WHERE parked_at IS NOT NULL")) {
            return ps.executeUpdate();
        }
    }

    long indexed(String model) throws SQLException {
        // every embedded record has a chunk 0; counted over the small index of those (migration V10)
        return count("SELECT count(*) FROM record_embeddings WHERE model = ? AND chunk = 0", model);
    }

    /** The declared type of the vector column, e.g. {@code vector(384)}. */
    String vectorColumnType() throws SQLException {
        return vectorColumnType("record_embeddings");
    }

    /** The declared type of a table's vector column ({@code record_embeddings} or {@code record_embeddings_cjk}). */
    String vectorColumnType(String table) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        SELECT format_type(atttypid, atttypmod) FROM pg_attribute
                         WHERE attrelid = ?::regclass AND attname = 'embedding'""")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** Replaces these records' CJK-model vectors with {@code vectors} (none: the records have no CJK text now). */
    void replaceCjk(List<Long> recordIds, List<Vector> vectors, String model) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM record_embeddings_cjk WHERE record_id = ANY (?)")) {
                ps.setArray(1, c.createArrayOf("bigint", recordIds.toArray()));
                ps.executeUpdate();
            }
            if (vectors.isEmpty()) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO record_embeddings_cjk"
                    + " (record_id, chunk, model, content_hash, embedding) VALUES (?, ?, ?, ?, ?)")) {
                for (Vector v : vectors) {
                    ps.setLong(1, v.recordId());
                    ps.setInt(2, v.chunk());
                    ps.setString(3, model);
                    ps.setString(4, v.contentHash());
                    ps.setObject(5, Vectors.param(v.embedding()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    /** The CJK model the stored CJK vectors were last made for ({@code none}: turned off). */
    String cjkModelSeen() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT model FROM cjk_embedding_state WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : "none";
        }
    }

    void cjkModelSeen(String model) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO cjk_embedding_state VALUES (1, ?)"
                        + " ON CONFLICT (id) DO UPDATE SET model = EXCLUDED.model")) {
            ps.setString(1, model);
            ps.executeUpdate();
        }
    }

    /** Queues the records with CJK text that have no vector of this CJK model (first start, or a model change). */
    int enqueueMissingCjk(String model) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO embedding_queue (record_id)
                        SELECT r.id FROM records r
                         WHERE coalesce(r.title, '') || r.text ~ '[\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uac00-\\ud7af\\uf900-\\ufaff]'
                           AND NOT EXISTS (SELECT 1 FROM record_embeddings_cjk e
                                            WHERE e.record_id = r.id AND e.chunk = 0 AND e.model = ?)
                        ON CONFLICT (record_id) DO NOTHING""")) {
            ps.setString(1, model);
            return ps.executeUpdate();
        }
    }

    private long count(String sql, String parameter) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            if (parameter != null) {
                ps.setString(1, parameter);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
