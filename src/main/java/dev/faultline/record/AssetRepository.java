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

    public List<AssetView> find(String site, String prefix, int limit, int offset) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(SELECT + where(site, prefix) + PAGE)) {
            int i = bind(ps, site, prefix);
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

    public long count(String site, String prefix) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(COUNT + where(site, prefix))) {
            bind(ps, site, prefix);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("counting assets", e);
        }
    }

    /** Site equality and a case-insensitive prefix of id or name (for type-ahead pickers). */
    private static String where(String site, String prefix) {
        String sql = site == null ? "" : " WHERE a.site = ?";
        if (prefix != null) {
            sql += (sql.isEmpty() ? " WHERE " : " AND ") + "(a.id ILIKE ? OR a.name ILIKE ?)";
        }
        return sql;
    }

    private static int bind(PreparedStatement ps, String site, String prefix) throws SQLException {
        int i = 1;
        if (site != null) {
            ps.setString(i++, site);
        }
        if (prefix != null) {
            String like = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            ps.setString(i++, like);
            ps.setString(i++, like);
        }
        return i;
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
