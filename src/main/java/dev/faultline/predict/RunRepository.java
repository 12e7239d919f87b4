package dev.faultline.predict;

import dev.faultline.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Training runs: a queue worked by one job at a time, with progress. */
@ApplicationScoped
class RunRepository {

    private static final String RUN =
            """
            SELECT r.id, r.predictor, r.state, r.progress, r.stage, r.requested_by, v.version, r.error, r.created_at,
                   r.started_at, r.finished_at
              FROM predictor_runs r LEFT JOIN predictor_versions v ON v.id = r.version_id""";

    private final DataSource dataSource;

    RunRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Queues a run, unless one for this predictor is already queued (answers that one). */
    long queue(String predictor, String requestedBy) {
        List<Long> open = Jdbc.list(dataSource, "queueing training", rs -> rs.getLong(1),
                "SELECT id FROM predictor_runs WHERE predictor = ? AND state = 'queued'", predictor);
        if (!open.isEmpty()) {
            return open.getFirst();
        }
        return Jdbc.list(dataSource, "queueing training", rs -> rs.getLong(1),
                "INSERT INTO predictor_runs (predictor, requested_by) VALUES (?, ?) RETURNING id", predictor,
                requestedBy).getFirst();
    }

    /** Claims the oldest queued run. */
    Optional<RunView> startNext() {
        return Jdbc.list(dataSource, "starting training", rs -> rs.getLong(1),
                """
                UPDATE predictor_runs SET state = 'running', started_at = now(), stage = 'reading the data'
                 WHERE id = (SELECT id FROM predictor_runs WHERE state = 'queued' ORDER BY id LIMIT 1
                             FOR UPDATE SKIP LOCKED)
                RETURNING id""").stream().findFirst().flatMap(this::find);
    }

    void progress(long id, double progress, String stage) {
        Jdbc.update(dataSource, "saving training progress",
                "UPDATE predictor_runs SET progress = ?, stage = ? WHERE id = ?", progress, stage, id);
    }

    void finish(long id, Long versionId, String error) {
        Jdbc.update(dataSource, "finishing training",
                """
                UPDATE predictor_runs SET state = ?, version_id = ?, error = ?, finished_at = now(),
                       progress = CASE WHEN ?::text IS NULL THEN 1 ELSE progress END, stage = NULL WHERE id = ?""",
                error == null ? "done" : "failed", versionId, error, error, id);
    }

    /** Runs a crash interrupted go back to the queue (on start). */
    int requeueInterrupted() {
        return Jdbc.update(dataSource, "requeueing training",
                "UPDATE predictor_runs SET state = 'queued', progress = 0, stage = NULL WHERE state = 'running'");
    }

    Optional<RunView> find(long id) {
        return Jdbc.list(dataSource, "reading a training run", RunRepository::run, RUN + " WHERE r.id = ?", id)
                .stream().findFirst();
    }

    List<RunView> recent(String predictor, int limit) {
        return Jdbc.list(dataSource, "listing training runs", RunRepository::run,
                RUN + " WHERE r.predictor = ? ORDER BY r.id DESC LIMIT ?", predictor, limit);
    }

    private static RunView run(ResultSet rs) throws SQLException {
        int version = rs.getInt(7);
        Integer v = rs.wasNull() ? null : version;
        return new RunView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getString(5),
                rs.getString(6), v, rs.getString(8), rs.getObject(9, OffsetDateTime.class),
                rs.getObject(10, OffsetDateTime.class), rs.getObject(11, OffsetDateTime.class));
    }
}
