package dev.faultline.predict;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Predictors and their versions. */
@ApplicationScoped
class PredictorRepository {

    private static final String PREDICTOR =
            "SELECT name, kind, asset_type, site, assets, sensors, description, created_at FROM predictors";
    private static final String VERSION =
            """
            SELECT id, predictor, version, data_from, data_to, assets, rows, features, params, metrics, threshold,
                   created_at FROM predictor_versions""";

    private final DataSource dataSource;
    private final ObjectMapper json;

    PredictorRepository(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    void upsert(PredictorView p) {
        Jdbc.update(dataSource, "saving a predictor",
                """
                INSERT INTO predictors (name, kind, asset_type, site, assets, sensors, description)
                VALUES (?, ?, ?, ?, ?::text[], ?::text[], ?)
                ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, asset_type = EXCLUDED.asset_type,
                    site = EXCLUDED.site, assets = EXCLUDED.assets, sensors = EXCLUDED.sensors,
                    description = EXCLUDED.description""",
                p.name(), p.kind(), p.assetType(), p.site(), array(p.assets()), array(p.sensors()), p.description());
    }

    Optional<PredictorView> find(String name) {
        return Jdbc.list(dataSource, "reading a predictor", this::predictor, PREDICTOR + " WHERE name = ?", name)
                .stream().findFirst();
    }

    List<PredictorView> all() {
        return Jdbc.list(dataSource, "listing predictors", this::predictor, PREDICTOR + " ORDER BY name");
    }

    /** The predictors whose binding covers an asset of this type, site and id. */
    List<PredictorView> boundTo(String type, String site, String asset) {
        return Jdbc.list(dataSource, "finding an asset's predictors", this::predictor, PREDICTOR
                + " WHERE asset_type = ? AND (site IS NULL OR site = ?) AND (assets IS NULL OR ? = ANY (assets))"
                + " ORDER BY name", type, site, asset);
    }

    int nextVersion(String predictor) {
        return (int) Jdbc.number(dataSource, "numbering a version",
                "SELECT coalesce(max(version), 0) + 1 FROM predictor_versions WHERE predictor = ?", predictor);
    }

    long saveVersion(Trained t) {
        return Jdbc.list(dataSource, "saving a model version", rs -> rs.getLong(1),
                """
                INSERT INTO predictor_versions (predictor, version, data_from, data_to, assets, rows, features, params,
                                                metrics, threshold, parts)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?::jsonb) RETURNING id""",
                t.predictor(), t.version(), t.dataFrom(), t.dataTo(), t.assets(), t.rows(), write(t.features()),
                write(t.params()), write(t.metrics()), t.threshold(), write(t.encodedParts())).getFirst();
    }

    Optional<VersionView> latestVersion(String predictor) {
        return Jdbc.list(dataSource, "reading a model version", this::version,
                VERSION + " WHERE predictor = ? ORDER BY version DESC LIMIT 1", predictor).stream().findFirst();
    }

    List<VersionView> versions(String predictor) {
        return Jdbc.list(dataSource, "listing model versions", this::version,
                VERSION + " WHERE predictor = ? ORDER BY version DESC", predictor);
    }

    Optional<VersionView> version(long id) {
        return Jdbc.list(dataSource, "reading a model version", this::version, VERSION + " WHERE id = ?", id)
                .stream().findFirst();
    }

    /** The stored model parts of a version (base64 of XGBoost's UBJSON, by part name). */
    JsonNode parts(long versionId) {
        return Jdbc.list(dataSource, "reading a model", rs -> read(rs.getString(1)),
                "SELECT parts FROM predictor_versions WHERE id = ?", versionId).getFirst();
    }

    private PredictorView predictor(ResultSet rs) throws SQLException {
        return new PredictorView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                list(rs.getArray(5)), list(rs.getArray(6)), rs.getString(7), rs.getObject(8, OffsetDateTime.class),
                null);
    }

    private VersionView version(ResultSet rs) throws SQLException {
        Double threshold = (Double) rs.getObject(11);
        return new VersionView(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getObject(4, OffsetDateTime.class),
                rs.getObject(5, OffsetDateTime.class), rs.getInt(6), rs.getInt(7), read(rs.getString(8)),
                read(rs.getString(9)), read(rs.getString(10)), threshold,
                rs.getObject(12, OffsetDateTime.class));
    }

    private static List<String> list(Array a) throws SQLException {
        return a == null ? null : Arrays.asList((String[]) a.getArray());
    }

    private static String[] array(List<String> values) {
        return values == null ? null : values.toArray(String[]::new);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing JSON", e);
        }
    }

    private JsonNode read(String value) {
        try {
            return json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("reading stored JSON", e);
        }
    }
}
