package dev.faultline.security;

import dev.faultline.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import javax.sql.DataSource;

/** Browser sessions, by the SHA-256 of their cookie token. */
@ApplicationScoped
public class SessionRepository {

    /** A live session with its (enabled) user; {@code stale}: last seen over a minute ago. */
    public record Session(long userId, String username, String displayName, String role, String csrfToken,
            boolean stale, String language) {}

    private static final String INSERT =
            "INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES (?, ?, ?, ?)";
    // an idle or expired session, or one of a disabled user, is not found
    private static final String FIND =
            """
            SELECT u.id, u.username, u.display_name, u.role, s.csrf_token,
                   s.last_seen_at < now() - interval '1 minute', u.language
              FROM sessions s JOIN users u ON u.id = s.user_id
             WHERE s.token_hash = ? AND s.expires_at > now() AND NOT u.disabled
               AND s.last_seen_at > now() - ? * interval '1 second'
            """;
    // written at most once a minute per session, not on every request (and only called for a stale session)
    private static final String TOUCH =
            "UPDATE sessions SET last_seen_at = now() WHERE token_hash = ? AND last_seen_at < now() - interval '1 minute'";

    private final DataSource dataSource;

    SessionRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void create(String tokenHash, long userId, String csrfToken, OffsetDateTime expiresAt) {
        Jdbc.update(dataSource, "updating sessions", INSERT, tokenHash, userId, csrfToken, expiresAt);
    }

    Optional<Session> find(String tokenHash, Duration idleTimeout) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(FIND)) {
            ps.setString(1, tokenHash);
            ps.setLong(2, idleTimeout.toSeconds());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Session s = new Session(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6), rs.getString(7));
                return Optional.of(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading a session", e);
        }
    }

    void touch(String tokenHash) {
        Jdbc.update(dataSource, "updating sessions", TOUCH, tokenHash);
    }

    void delete(String tokenHash) {
        Jdbc.update(dataSource, "updating sessions", "DELETE FROM sessions WHERE token_hash = ?", tokenHash);
    }

    /** Ends every session of a user (disabled, or password reset). */
    public void deleteForUser(long userId) {
        Jdbc.update(dataSource, "updating sessions", "DELETE FROM sessions WHERE user_id = ?", userId);
    }

    /** Removes sessions past their end or idle for longer than allowed; answers how many. */
    int deleteEnded(Duration idleTimeout) {
        return Jdbc.update(dataSource, "removing ended sessions",
                "DELETE FROM sessions WHERE expires_at < now() OR last_seen_at < now() - ? * interval '1 second'",
                idleTimeout.toSeconds());
    }

}
