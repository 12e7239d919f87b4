package dev.faultline.ticketing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** Ticketing integrations and their secrets. */
@ApplicationScoped
class IntegrationRepository {

    private static final String SELECT = "SELECT name, kind, mapping::text, base_url, created_by, created_at, updated_at,"
            + " secret FROM integrations";
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};

    /** A stored integration with its secret (never leaves the package). */
    record Stored(IntegrationView view, String secret) {}

    private final DataSource dataSource;
    private final ObjectMapper json;

    IntegrationRepository(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Creates or updates; a null secret keeps the stored one. */
    void upsert(String name, String kind, Map<String, String> mapping, String baseUrl, String secret, String actor) {
        Jdbc.update(dataSource, "saving an integration", "INSERT INTO integrations (name, kind, mapping, base_url,"
                + " secret, created_by) VALUES (?, ?, ?::jsonb, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET"
                + " kind = EXCLUDED.kind, mapping = EXCLUDED.mapping, base_url = EXCLUDED.base_url,"
                + " secret = CASE WHEN ? THEN EXCLUDED.secret ELSE integrations.secret END, updated_at = now()",
                name, kind, write(mapping), baseUrl, secret == null ? "" : secret, actor, secret != null);
    }

    Optional<Stored> find(String name) {
        return Jdbc.list(dataSource, "reading an integration", this::map, SELECT + " WHERE name = ?", name).stream()
                .findFirst();
    }

    List<IntegrationView> all() {
        return Jdbc.list(dataSource, "listing integrations", this::map, SELECT + " ORDER BY name").stream()
                .map(Stored::view).toList();
    }

    /** Holds one ticket's events back from each other until the caller's transaction ends. */
    void lockTicket(String name, String key) {
        Jdbc.list(dataSource, "locking a ticket", rs -> rs.getObject(1), "SELECT pg_advisory_xact_lock(hashtext(?))",
                name + ":" + key); // names cannot hold ':'
    }

    boolean delete(String name) {
        return Jdbc.update(dataSource, "removing an integration", "DELETE FROM integrations WHERE name = ?", name) == 1;
    }

    private Stored map(ResultSet rs) throws SQLException {
        try {
            String name = rs.getString(1);
            return new Stored(new IntegrationView(name, rs.getString(2), json.readValue(rs.getString(3), MAP),
                    rs.getString(4), "/api/v1/integrations/" + name + "/events", rs.getString(5),
                    rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class), null),
                    rs.getString(8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("integration " + rs.getString(1) + ": unreadable mapping", e);
        }
    }

    private String write(Map<String, String> mapping) {
        try {
            return json.writeValueAsString(mapping == null ? Map.of() : mapping);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
