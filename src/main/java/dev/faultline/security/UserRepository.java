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

/** Users and their password hashes. */
@ApplicationScoped
public class UserRepository {

    private static final String SELECT = "SELECT * FROM users";
    private static final String INSERT =
            "INSERT INTO users (username, display_name, role, password_hash) VALUES (?, ?, ?, ?) RETURNING id";
    private static final String UPDATE =
            "UPDATE users SET display_name = ?, role = ?, disabled = ?, updated_at = now() WHERE id = ?";
    private static final String SET_PASSWORD = "UPDATE users SET password_hash = ?, updated_at = now() WHERE id = ?";
    private static final String SET_LANGUAGE = "UPDATE users SET language = ?, updated_at = now() WHERE id = ?";
    private static final String TOUCH_LOGIN = "UPDATE users SET last_login_at = now() WHERE id = ?";

    private final DataSource dataSource;

    UserRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<UserRow> findByUsername(String username) {
        return query(SELECT + " WHERE username = ?", username).stream().findFirst();
    }

    public Optional<UserRow> findById(long id) {
        return query(SELECT + " WHERE id = ?", id).stream().findFirst();
    }

    public List<UserRow> all() {
        return query(SELECT + " ORDER BY username");
    }

    public long insert(String username, String displayName, String role, String passwordHash) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setString(1, username);
            ps.setString(2, displayName);
            ps.setString(3, role);
            ps.setString(4, passwordHash);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("creating user " + username, e);
        }
    }

    public void update(long id, String displayName, String role, boolean disabled) {
        Jdbc.update(dataSource, "updating users", UPDATE, displayName, role, disabled, id);
    }

    public void setPassword(long id, String passwordHash) {
        Jdbc.update(dataSource, "updating users", SET_PASSWORD, passwordHash, id);
    }

    /** The user's interface language ("en", "zh"; null: follow the browser). */
    public void setLanguage(long id, String language) {
        Jdbc.update(dataSource, "updating users", SET_LANGUAGE, language, id);
    }

    public void touchLogin(long id) {
        Jdbc.update(dataSource, "updating users", TOUCH_LOGIN, id);
    }


    private List<UserRow> query(String sql, Object... values) {
        return Jdbc.list(dataSource, "reading users", UserRepository::map, sql, values);
    }

    private static UserRow map(ResultSet rs) throws SQLException {
        return new UserRow(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("role"), rs.getString("password_hash"), rs.getBoolean("disabled"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
                rs.getObject("last_login_at", OffsetDateTime.class));
    }
}
