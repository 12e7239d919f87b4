package dev.faultline.security;

import dev.faultline.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** API keys by the SHA-256 of the key. */
@ApplicationScoped
public class ApiKeyRepository {

    /** A key as listed (never with its hash or value). */
    public record KeyRow(
            long id,
            String name,
            String prefix,
            List<String> scopes,
            String createdBy,
            OffsetDateTime createdAt,
            OffsetDateTime lastUsedAt,
            OffsetDateTime revokedAt) {}

    private static final String COLUMNS =
            "SELECT id, name, prefix, scopes, created_by, created_at, last_used_at, revoked_at FROM api_keys";
    private static final String INSERT =
            "INSERT INTO api_keys (name, prefix, key_hash, scopes, created_by) VALUES (?, ?, ?, ?, ?) RETURNING id";
    private static final String TOUCH =
            """
            UPDATE api_keys SET last_used_at = now()
             WHERE id = ? AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')
            """;

    private final DataSource dataSource;

    ApiKeyRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void setScopes(long id, List<String> scopes) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE api_keys SET scopes = ? WHERE id = ?")) {
            ps.setArray(1, c.createArrayOf("text", scopes.toArray()));
            ps.setLong(2, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("updating an API key", e);
        }
    }

    public long insert(String name, String prefix, String keyHash, List<String> scopes, String createdBy) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setString(1, name);
            ps.setString(2, prefix);
            ps.setString(3, keyHash);
            ps.setArray(4, c.createArrayOf("text", scopes.toArray()));
            ps.setString(5, createdBy);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("creating an API key", e);
        }
    }

    /** The key with this hash, revoked or not. */
    public Optional<KeyRow> findByHash(String keyHash) {
        return query(COLUMNS + " WHERE key_hash = ?", keyHash).stream().findFirst();
    }

    public Optional<KeyRow> findById(long id) {
        return query(COLUMNS + " WHERE id = ?", id).stream().findFirst();
    }

    public List<KeyRow> all() {
        return query(COLUMNS + " ORDER BY revoked_at NULLS FIRST, created_at DESC");
    }

    public void touch(long id) {
        Jdbc.update(dataSource, "updating API keys", TOUCH, id);
    }

    public boolean revoke(long id) {
        return Jdbc.update(dataSource, "revoking an API key",
                "UPDATE api_keys SET revoked_at = now() WHERE id = ? AND revoked_at IS NULL", id) == 1;
    }


    private List<KeyRow> query(String sql, Object... values) {
        return Jdbc.list(dataSource, "reading API keys", ApiKeyRepository::map, sql, values);
    }

    private static KeyRow map(ResultSet rs) throws SQLException {
        return new KeyRow(rs.getLong("id"), rs.getString("name"), rs.getString("prefix"),
                List.of((String[]) rs.getArray("scopes").getArray()), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("last_used_at", OffsetDateTime.class),
                rs.getObject("revoked_at", OffsetDateTime.class));
    }
}
