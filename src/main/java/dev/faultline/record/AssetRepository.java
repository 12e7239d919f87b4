package dev.faultline.record;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Reads assets with how many records each has and when the last one happened. */
@ApplicationScoped
public class AssetRepository {

    private static final String SELECT =
            """
            SELECT a.id, a.name, a.type, a.site, a.line, a.created_at, a.updated_at,
                   s.record_count, s.last_record_at
              FROM assets a
              LEFT JOIN LATERAL (SELECT count(*) AS record_count, max(r.occurred_at) AS last_record_at
                                   FROM records r WHERE r.asset_id = a.id) s ON true
            """;
    private static final String PAGE = " ORDER BY a.id LIMIT ? OFFSET ?";
    private static final String COUNT = "SELECT count(*) FROM assets a";

    private final DataSource dataSource;

    AssetRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<AssetView> findById(String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(SELECT + " WHERE a.id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading asset " + id, e);
        }
    }

    public List<AssetView> find(String site, int limit, int offset) {
        String where = site == null ? "" : " WHERE a.site = ?";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(SELECT + where + PAGE)) {
            int i = 1;
            if (site != null) {
                ps.setString(i++, site);
            }
            ps.setInt(i++, limit);
            ps.setInt(i, offset);
            List<AssetView> items = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(map(rs));
                }
            }
            return items;
        } catch (SQLException e) {
            throw new IllegalStateException("listing assets", e);
        }
    }

    public long count(String site) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(COUNT + (site == null ? "" : " WHERE a.site = ?"))) {
            if (site != null) {
                ps.setString(1, site);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("counting assets", e);
        }
    }

    private static AssetView map(ResultSet rs) throws SQLException {
        return new AssetView(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("type"),
                rs.getString("site"),
                rs.getString("line"),
                rs.getLong("record_count"),
                rs.getObject("last_record_at", OffsetDateTime.class),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }
}
