package dev.faultline.search;

import dev.faultline.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The ranking models trained on this plant's feedback (migration V31): their figures, and the one in use. */
@ApplicationScoped
class RankingModels {

    private static final String SELECT = "SELECT id, trained_at, actor, searches, pairs, listed_accuracy,"
            + " shipped_accuracy, trained_accuracy, adopted, in_use FROM search_ranking_models";

    private final DataSource dataSource;

    RankingModels(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores a training; an adopted model is the one in use from now on. */
    @Transactional
    RankingView.Training save(String actor, RankingView.Training figures, double c, String model) {
        if (figures.adopted()) {
            retire();
        }
        long id = Jdbc.number(dataSource, "storing a ranking model", """
                INSERT INTO search_ranking_models (actor, searches, pairs, c, listed_accuracy, shipped_accuracy,
                       trained_accuracy, adopted, in_use, model)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", actor, figures.searches(), figures.pairs(), c,
                figures.listedAccuracy(), figures.shippedAccuracy(), figures.trainedAccuracy(), figures.adopted(),
                figures.adopted(), model);
        return one(" WHERE id = ?", id).orElseThrow();
    }

    /** None in use from now on: search goes back to the configured model. Answers the one that was in use. */
    Optional<Long> retire() {
        return Jdbc.list(dataSource, "retiring the ranking model in use", rs -> rs.getLong(1),
                "UPDATE search_ranking_models SET in_use = false WHERE in_use RETURNING id").stream().findFirst();
    }

    Optional<RankingView.Training> inUse() {
        return one(" WHERE in_use", null);
    }

    Optional<RankingView.Training> latest() {
        return one(" ORDER BY id DESC LIMIT 1", null);
    }

    /** The text of the model in use (LIBLINEAR's format), if one is. */
    Optional<String> inUseModel() {
        return Jdbc.list(dataSource, "reading the ranking model in use", rs -> rs.getString(1),
                "SELECT model FROM search_ranking_models WHERE in_use").stream().findFirst();
    }

    private Optional<RankingView.Training> one(String where, Long id) {
        List<RankingView.Training> rows = id == null
                ? Jdbc.list(dataSource, "reading ranking models", RankingModels::map, SELECT + where)
                : Jdbc.list(dataSource, "reading ranking models", RankingModels::map, SELECT + where, id);
        return rows.stream().findFirst();
    }

    private static RankingView.Training map(ResultSet rs) throws SQLException {
        return new RankingView.Training(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                rs.getInt(4), rs.getInt(5), rs.getDouble(6), (Double) rs.getObject(7), rs.getDouble(8),
                rs.getBoolean(9), rs.getBoolean(10));
    }
}
