package dev.faultline.webhook;

import dev.faultline.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Webhook endpoints and their secrets. */
@ApplicationScoped
class EndpointRepository {

    private static final String SELECT = "SELECT id, url, events, description, enabled, disabled_reason, failing_since,"
            + " created_by, created_at, CASE WHEN previous_until > now() THEN previous_until END FROM webhook_endpoints";

    /** What signing and sending need: the URL and the secrets in force. */
    record Target(long id, String url, String secret, String previousSecret, boolean enabled) {}

    private final DataSource dataSource;

    EndpointRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    long insert(String url, List<String> events, String description, String secret, String actor) {
        return Jdbc.list(dataSource, "adding a webhook endpoint", rs -> rs.getLong(1),
                "INSERT INTO webhook_endpoints (url, events, description, secret, created_by) VALUES (?, ?, ?, ?, ?)"
                        + " RETURNING id", url, events.toArray(String[]::new), description, secret, actor).getFirst();
    }

    boolean update(long id, String url, List<String> events, String description, boolean enabled) {
        return Jdbc.update(dataSource, "changing a webhook endpoint", "UPDATE webhook_endpoints SET url = ?,"
                + " events = ?, description = ?, enabled = ?, disabled_reason = CASE WHEN ? THEN NULL"
                + " ELSE coalesce(disabled_reason, 'disabled by an administrator') END,"
                + " failing_since = CASE WHEN ? THEN NULL ELSE failing_since END WHERE id = ?",
                url, events.toArray(String[]::new), description, enabled, enabled, enabled, id) == 1;
    }

    boolean rotate(long id, String secret, Duration overlap) {
        return Jdbc.update(dataSource, "rotating a webhook secret", "UPDATE webhook_endpoints SET previous_secret"
                + " = secret, previous_until = now() + ?::interval, secret = ? WHERE id = ?",
                overlap.toSeconds() + " seconds", secret, id) == 1;
    }

    boolean delete(long id) {
        return Jdbc.update(dataSource, "removing a webhook endpoint", "DELETE FROM webhook_endpoints WHERE id = ?",
                id) == 1;
    }

    Optional<EndpointView> find(long id) {
        return Jdbc.list(dataSource, "reading a webhook endpoint", EndpointRepository::map, SELECT + " WHERE id = ?",
                id).stream().findFirst();
    }

    List<EndpointView> all() {
        return Jdbc.list(dataSource, "listing webhook endpoints", EndpointRepository::map, SELECT + " ORDER BY id");
    }

    Optional<Target> target(long id) {
        return Jdbc.list(dataSource, "reading a webhook endpoint", rs -> new Target(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getBoolean(5)), "SELECT id, url, secret, CASE WHEN"
                + " previous_until > now() THEN previous_secret END, enabled FROM webhook_endpoints WHERE id = ?", id)
                .stream().findFirst();
    }

    /** Whether any enabled endpoint wants events of this type. */
    List<String> wantedTypes() {
        return Jdbc.list(dataSource, "reading webhook subscriptions", rs -> rs.getString(1),
                "SELECT DISTINCT unnest(events) FROM webhook_endpoints WHERE enabled");
    }

    /** A success clears the endpoint's run of failures. */
    void succeeded(long id) {
        Jdbc.update(dataSource, "recording a webhook success", "UPDATE webhook_endpoints SET failing_since = NULL"
                + " WHERE id = ? AND failing_since IS NOT NULL", id);
    }

    /** Notes a failure; disables the endpoint when it has failed without a success for {@code after}. */
    boolean failedAndDisabled(long id, Duration after) {
        Jdbc.update(dataSource, "recording a webhook failure", "UPDATE webhook_endpoints SET failing_since ="
                + " coalesce(failing_since, now()) WHERE id = ?", id);
        return Jdbc.update(dataSource, "disabling a failing webhook endpoint", "UPDATE webhook_endpoints SET"
                + " enabled = false, disabled_reason = 'every delivery failed since ' || failing_since"
                + " WHERE id = ? AND enabled AND failing_since < now() - ?::interval", id,
                after.toSeconds() + " seconds") == 1;
    }

    private static EndpointView map(ResultSet rs) throws SQLException {
        Array events = rs.getArray(3);
        return new EndpointView(rs.getLong(1), rs.getString(2), Arrays.asList((String[]) events.getArray()),
                rs.getString(4), rs.getBoolean(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class),
                rs.getString(8), rs.getObject(9, OffsetDateTime.class), rs.getObject(10, OffsetDateTime.class), null);
    }
}
