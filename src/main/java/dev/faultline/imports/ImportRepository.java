package dev.faultline.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.error.FieldError;
import dev.faultline.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Import jobs, their progress, and their first row errors. */
@ApplicationScoped
public class ImportRepository {

    private static final String INSERT =
            """
            INSERT INTO import_jobs (id, state, format, file_name, spool_path, bytes_total, source, default_kind,
                                     mapping, ignored_columns, rows_total, created_by, target, options)
            VALUES (?, 'queued', ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?::jsonb)
            """;
    private static final String SELECT = "SELECT * FROM import_jobs";
    // the oldest job that is queued, or running on an instance that stopped reporting; SKIP LOCKED lets
    // several instances claim different jobs without waiting on each other
    private static final String CLAIM =
            """
            UPDATE import_jobs SET state = 'running', owner = ?, heartbeat_at = now(), attempts = attempts + 1,
                                   started_at = coalesce(started_at, now())
             WHERE id = (SELECT id FROM import_jobs
                          WHERE state = 'queued'
                             OR (state = 'running' AND heartbeat_at < now() - ? * interval '1 millisecond')
                          ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING *
            """;
    private static final String PROGRESS =
            """
            UPDATE import_jobs SET rows_done = rows_done + ?, rows_failed = rows_failed + ?,
                                   created_count = created_count + ?, updated_count = updated_count + ?,
                                   unchanged_count = unchanged_count + ?, checkpoint_row = ?, run_millis = run_millis + ?,
                                   heartbeat_at = now()
             WHERE id = ? AND owner = ? AND state = 'running'
            """;
    private static final String INSERT_ERROR =
            "INSERT INTO import_errors (job_id, line, field, reason) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING";
    private static final String SET_STATE =
            """
            UPDATE import_jobs SET state = ?, message = ?, owner = NULL,
                                   finished_at = CASE WHEN ? IN ('completed', 'failed') THEN now() END
             WHERE id = ? AND (owner = ? OR ? IS NULL)
            """;
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};

    private final DataSource dataSource;
    private final ObjectMapper json;

    ImportRepository(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    void insert(ImportJobRow job) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setObject(1, job.id());
            ps.setString(2, job.format().name());
            ps.setString(3, job.fileName());
            ps.setString(4, job.spoolPath());
            ps.setLong(5, job.bytesTotal());
            ps.setString(6, job.source());
            ps.setString(7, job.defaultKind());
            ps.setString(8, json.writeValueAsString(job.mapping()));
            ps.setArray(9, c.createArrayOf("text", job.ignoredColumns().toArray()));
            ps.setLong(10, job.rowsTotal());
            ps.setString(11, job.createdBy());
            ps.setString(12, job.target().name());
            ps.setString(13, json.writeValueAsString(job.options()));
            ps.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("creating import job", e);
        }
    }

    Optional<ImportJobRow> claim(String owner, Duration staleAfter) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(CLAIM)) {
            ps.setString(1, owner);
            ps.setLong(2, staleAfter.toMillis());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("claiming an import job", e);
        }
    }

    /** Adds a batch's counts and moves the resume point; false when this instance no longer owns the job. */
    boolean progress(UUID id, String owner, Progress p) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(PROGRESS)) {
            long[] values = {p.done(), p.failed(), p.created(), p.updated(), p.unchanged(), p.lastRow(), p.millis()};
            for (int i = 0; i < values.length; i++) {
                ps.setLong(i + 1, values[i]);
            }
            ps.setObject(8, id);
            ps.setString(9, owner);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("recording import progress", e);
        }
    }

    void insertErrors(UUID id, List<FieldError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(INSERT_ERROR)) {
            for (FieldError e : errors) {
                ps.setObject(1, id);
                ps.setLong(2, e.line());
                ps.setString(3, e.field());
                ps.setString(4, e.reason());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("recording import errors", e);
        }
    }

    /** Sets the state; with an owner, only if that instance still owns the job. */
    int setState(UUID id, String owner, String state, String message) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(SET_STATE)) {
            ps.setString(1, state);
            ps.setString(2, message);
            ps.setString(3, state);
            ps.setObject(4, id);
            ps.setString(5, owner);
            ps.setString(6, owner);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("updating import job " + id, e);
        }
    }

    Optional<ImportJobRow> find(UUID id) {
        return query(SELECT + " WHERE id = ?", id).stream().findFirst();
    }

    List<ImportJobRow> recent(int limit) {
        return query(SELECT + " ORDER BY created_at DESC LIMIT ?", limit);
    }

    List<FieldError> errors(UUID id, int limit) {
        return Jdbc.list(dataSource, "reading import errors",
                rs -> FieldError.atLine(rs.getLong(1), rs.getString(2), rs.getString(3)),
                "SELECT line, field, reason FROM import_errors WHERE job_id = ? ORDER BY line, field LIMIT ?", id, limit);
    }

    long errorCount(UUID id) {
        return Jdbc.number(dataSource, "counting import errors", "SELECT count(*) FROM import_errors WHERE job_id = ?", id);
    }

    private List<ImportJobRow> query(String sql, Object parameter) {
        return Jdbc.list(dataSource, "reading import jobs", this::map, sql, parameter);
    }

    private ImportJobRow map(ResultSet rs) throws SQLException {
        try {
            return new ImportJobRow(
                    rs.getObject("id", UUID.class),
                    rs.getString("state"),
                    ImportFormat.valueOf(rs.getString("format")),
                    rs.getString("file_name"),
                    rs.getString("spool_path"),
                    rs.getLong("bytes_total"),
                    rs.getString("source"),
                    rs.getString("default_kind"),
                    json.readValue(rs.getString("mapping"), MAP),
                    List.of((String[]) rs.getArray("ignored_columns").getArray()),
                    rs.getLong("rows_total"),
                    new Progress(rs.getLong("rows_done"), rs.getLong("rows_failed"), rs.getLong("created_count"),
                            rs.getLong("updated_count"), rs.getLong("unchanged_count"), rs.getLong("checkpoint_row"),
                            rs.getLong("run_millis")),
                    rs.getInt("attempts"),
                    rs.getString("message"),
                    rs.getObject("created_at", OffsetDateTime.class),
                    rs.getObject("started_at", OffsetDateTime.class),
                    rs.getObject("finished_at", OffsetDateTime.class),
                    rs.getString("created_by"),
                    ImportTarget.valueOf(rs.getString("target")),
                    json.readValue(rs.getString("options"), MAP));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored mapping is not JSON", e);
        }
    }
}
