package dev.faultline.feedback;

import dev.faultline.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** Judgements of search results and answers. */
@ApplicationScoped
class FeedbackRepository {

    private static final String SELECT = "SELECT id, kind, query, record_id, useful, actor, created_at FROM feedback";

    private final DataSource dataSource;

    FeedbackRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores a judgement; the same person judging the same result of the same query again replaces it. */
    FeedbackView upsert(String kind, String query, Long recordId, boolean useful, String actor) {
        return Jdbc.list(dataSource, "keeping feedback", FeedbackRepository::map, "INSERT INTO feedback (kind, query,"
                + " record_id, useful, actor) VALUES (?, ?, ?, ?, ?) ON CONFLICT ON CONSTRAINT feedback_once DO UPDATE"
                + " SET useful = EXCLUDED.useful, created_at = now()"
                + " RETURNING id, kind, query, record_id, useful, actor, created_at",
                kind, query, recordId, useful, actor).getFirst();
    }

    List<FeedbackSummary.Figure> figures() {
        return Jdbc.list(dataSource, "summing feedback", rs -> new FeedbackSummary.Figure(rs.getString(1),
                rs.getLong(2), rs.getLong(3), share(rs.getLong(3), rs.getLong(2)), rs.getLong(4), rs.getLong(5),
                share(rs.getLong(5), rs.getLong(4))), """
                SELECT k.kind, count(f.id), count(f.id) FILTER (WHERE f.useful),
                       count(f.id) FILTER (WHERE f.created_at > now() - interval '30 days'),
                       count(f.id) FILTER (WHERE f.useful AND f.created_at > now() - interval '30 days')
                  FROM (VALUES ('search'), ('answer')) k(kind) LEFT JOIN feedback f ON f.kind = k.kind
                 GROUP BY k.kind ORDER BY k.kind DESC""");
    }

    List<FeedbackView> latest(Boolean useful, int limit) {
        return useful == null
                ? Jdbc.list(dataSource, "listing feedback", FeedbackRepository::map,
                        SELECT + " ORDER BY created_at DESC, id DESC LIMIT ?", limit)
                : Jdbc.list(dataSource, "listing feedback", FeedbackRepository::map,
                        SELECT + " WHERE useful = ? ORDER BY created_at DESC, id DESC LIMIT ?", useful, limit);
    }

    /**
     * The search results judged, one row per query and result: useful when more people found it useful than not
     * (ties left out); from the {@code queries} most recently judged queries.
     */
    List<FeedbackService.Judgement> searchJudgements(int queries) {
        return Jdbc.list(dataSource, "reading judged searches", rs -> new FeedbackService.Judgement(rs.getString(1),
                rs.getLong(2), rs.getBoolean(3)), """
                WITH recent AS (SELECT query FROM feedback WHERE kind = 'search' GROUP BY query
                                 ORDER BY max(created_at) DESC, query LIMIT ?)
                SELECT f.query, f.record_id, count(*) FILTER (WHERE f.useful) > count(*) FILTER (WHERE NOT f.useful)
                  FROM feedback f JOIN recent USING (query)
                 WHERE f.kind = 'search' AND f.record_id IS NOT NULL
                 GROUP BY f.query, f.record_id
                HAVING count(*) FILTER (WHERE f.useful) <> count(*) FILTER (WHERE NOT f.useful)
                 ORDER BY f.query, f.record_id""", queries);
    }

    void each(Consumer<FeedbackView> row) {
        Jdbc.list(dataSource, "exporting feedback", FeedbackRepository::map, SELECT + " ORDER BY id").forEach(row);
    }

    private static Double share(long part, long total) {
        return total == 0 ? null : Math.round(1000.0 * part / total) / 1000.0;
    }

    private static FeedbackView map(ResultSet rs) throws SQLException {
        return new FeedbackView(rs.getLong(1), rs.getString(2), rs.getString(3), (Long) rs.getObject(4),
                rs.getBoolean(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class));
    }
}
