package dev.faultline.predict;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

/** Stored predictions (a history per asset and model) and the queue of assets due a new one. */
@ApplicationScoped
class PredictionRepository {

    /** A stored prediction with what it takes to judge it: the model's kind, and the asset's site and type. */
    record Stored(String asset, String predictor, String kind, long versionId, int version, Double threshold,
            double value, String failureType, OffsetDateTime asOf, OffsetDateTime computedAt,
            List<PredictionView.Contribution> topFeatures) {}

    private static final String SELECT =
            """
            SELECT p.asset_id, v.predictor, d.kind, v.id, v.version, v.threshold, p.value, p.failure_type, p.as_of,
                   p.computed_at, p.top_features
              FROM predictions p JOIN predictor_versions v ON v.id = p.version_id
              JOIN predictors d ON d.name = v.predictor""";
    private static final TypeReference<List<PredictionView.Contribution>> CONTRIBUTIONS = new TypeReference<>() {};

    private final DataSource dataSource;
    private final ObjectMapper json;

    PredictionRepository(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Stores a prediction unless the same version already predicted from the same readings. */
    boolean save(String asset, long versionId, double value, String failureType, OffsetDateTime asOf,
            List<PredictionView.Contribution> top) {
        try {
            return Jdbc.update(dataSource, "saving a prediction",
                    """
                    INSERT INTO predictions (asset_id, version_id, value, failure_type, as_of, top_features)
                    SELECT ?, ?, ?, ?, ?, ?::jsonb WHERE NOT EXISTS (
                        SELECT 1 FROM predictions WHERE asset_id = ? AND version_id = ? AND as_of = ?)""",
                    asset, versionId, value, failureType, asOf, json.writeValueAsString(top), asset, versionId,
                    asOf) == 1;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing contributions", e);
        }
    }

    /** The newest prediction of each predictor for the asset. */
    List<Stored> latest(String asset) {
        return Jdbc.list(dataSource, "reading predictions", this::stored, SELECT
                + " WHERE p.id IN (SELECT DISTINCT ON (v2.predictor) p2.id FROM predictions p2"
                + " JOIN predictor_versions v2 ON v2.id = p2.version_id WHERE p2.asset_id = ?"
                + " ORDER BY v2.predictor, p2.computed_at DESC, p2.id DESC) ORDER BY v.predictor", asset);
    }

    /** One predictor's predictions for the asset, oldest first (at most {@code limit}, the newest). */
    List<Stored> history(String asset, String predictor, int limit) {
        return Jdbc.list(dataSource, "reading prediction history", this::stored, "SELECT * FROM (" + SELECT
                + " WHERE p.asset_id = ? AND v.predictor = ? ORDER BY p.computed_at DESC, p.id DESC LIMIT ?) h"
                + " ORDER BY computed_at, as_of", asset, predictor, limit);
    }

    /** The newest prediction of every asset for predictors of one kind. */
    List<Stored> latestOfKind(String kind) {
        return Jdbc.list(dataSource, "reading predictions", this::stored, SELECT
                + " WHERE p.id IN (SELECT DISTINCT ON (p2.asset_id, v2.predictor) p2.id FROM predictions p2"
                + " JOIN predictor_versions v2 ON v2.id = p2.version_id JOIN predictors d2 ON d2.name = v2.predictor"
                + " WHERE d2.kind = ? ORDER BY p2.asset_id, v2.predictor, p2.computed_at DESC, p2.id DESC)", kind);
    }

    /** Queues assets: due after the debounce, but no later than {@code maxWait} after they were first queued. */
    void queue(Collection<String> assets, Duration debounce, Duration maxWait) {
        Jdbc.update(dataSource, "queueing predictions",
                """
                INSERT INTO prediction_queue AS q (asset_id, due_at)
                SELECT a, now() + ?::interval FROM unnest(?::text[]) a ORDER BY a
                ON CONFLICT (asset_id) DO UPDATE
                   SET due_at = least(q.first_queued + ?::interval, now() + ?::interval)""",
                debounce.toMillis() + " milliseconds", assets.toArray(String[]::new),
                maxWait.toMillis() + " milliseconds", debounce.toMillis() + " milliseconds");
    }

    /** Takes up to {@code limit} due assets off the queue. */
    List<String> takeDue(int limit) {
        return Jdbc.list(dataSource, "taking due predictions", rs -> rs.getString(1),
                """
                DELETE FROM prediction_queue WHERE asset_id IN (
                    SELECT asset_id FROM prediction_queue WHERE due_at <= now() ORDER BY due_at LIMIT ?
                       FOR UPDATE SKIP LOCKED) RETURNING asset_id""", limit);
    }

    long queued() {
        return Jdbc.number(dataSource, "counting queued predictions", "SELECT count(*) FROM prediction_queue");
    }

    private Stored stored(ResultSet rs) throws SQLException {
        Double t = (Double) rs.getObject(6);
        try {
            return new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getInt(5), t,
                    rs.getDouble(7), rs.getString(8), rs.getObject(9, OffsetDateTime.class),
                    rs.getObject(10, OffsetDateTime.class), json.readValue(rs.getString(11), CONTRIBUTIONS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("reading contributions", e);
        }
    }
}
