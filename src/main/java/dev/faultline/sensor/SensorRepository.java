package dev.faultline.sensor;

import dev.faultline.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** Sensors: created on their first reading, described by whoever knows their unit and normal range. */
@ApplicationScoped
class SensorRepository {

    /** Creates the (asset, name) pairs that are new; answers the id of every pair. */
    private static final String ENSURE =
            """
            WITH wanted AS (SELECT DISTINCT * FROM unnest(?::text[], ?::text[]) AS w (asset_id, name)),
                 -- only the pairs that are new: a conflicting insert would still use up an id
                 added AS (INSERT INTO sensors (asset_id, name)
                           SELECT asset_id, name FROM wanted w
                            WHERE NOT EXISTS (SELECT 1 FROM sensors s WHERE s.asset_id = w.asset_id AND s.name = w.name)
                            ORDER BY 1, 2
                           ON CONFLICT (asset_id, name) DO NOTHING RETURNING id, asset_id, name)
            SELECT id, asset_id, name FROM added
            UNION ALL
            SELECT s.id, s.asset_id, s.name FROM sensors s JOIN wanted w USING (asset_id, name)
            """;
    private static final String COLUMNS = "SELECT asset_id, name, unit, description, normal_min, normal_max FROM sensors";

    private final DataSource dataSource;

    SensorRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Id by "asset\0name" for every pair, creating the missing sensors. */
    Map<String, Integer> ensure(List<String> assets, List<String> names) throws SQLException {
        Map<String, Integer> ids = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(ENSURE)) {
            ps.setArray(1, c.createArrayOf("text", assets.toArray()));
            ps.setArray(2, c.createArrayOf("text", names.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(2) + "\u0000" + rs.getString(3), rs.getInt(1));
                }
            }
        }
        return ids;
    }

    List<SensorView> ofAsset(String asset) {
        return Jdbc.list(dataSource, "reading sensors", SensorRepository::view, COLUMNS + " WHERE asset_id = ? ORDER BY name",
                asset);
    }

    /** The first and last reading time over the asset's sensors (each an index lookup); empty without readings. */
    Optional<java.time.OffsetDateTime[]> range(String asset) {
        return Jdbc.list(dataSource, "reading sensors", rs -> rs.getObject(1, java.time.OffsetDateTime.class) == null ? null
                        : new java.time.OffsetDateTime[] {rs.getObject(1, java.time.OffsetDateTime.class),
                                rs.getObject(2, java.time.OffsetDateTime.class)},
                """
                SELECT min(x.first), max(x.last) FROM sensors s, LATERAL (
                    SELECT (SELECT time FROM sensor_readings r WHERE r.sensor_id = s.id ORDER BY time LIMIT 1) AS first,
                           (SELECT time FROM sensor_readings r WHERE r.sensor_id = s.id ORDER BY time DESC LIMIT 1) AS last) x
                 WHERE s.asset_id = ?""", asset).stream().filter(java.util.Objects::nonNull).findFirst();
    }

    Optional<Integer> id(String asset, String name) {
        return Jdbc.list(dataSource, "reading sensors", rs -> rs.getInt(1),
                "SELECT id FROM sensors WHERE asset_id = ? AND name = ?", asset, name).stream().findFirst();
    }

    void describe(int id, SensorView v) {
        Jdbc.update(dataSource, "describing a sensor",
                "UPDATE sensors SET unit = ?, description = ?, normal_min = ?, normal_max = ? WHERE id = ?",
                v.unit(), v.description(), v.normalMin(), v.normalMax(), id);
    }

    private static SensorView view(ResultSet rs) throws SQLException {
        return new SensorView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                (Double) rs.getObject(5), (Double) rs.getObject(6));
    }
}
