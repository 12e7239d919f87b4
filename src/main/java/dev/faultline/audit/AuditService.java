package dev.faultline.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.record.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Who did what to which record, correction, user or key, and when. Entries join the caller's transaction, so
 * a change and its audit entry are written together or not at all.
 */
@ApplicationScoped
public class AuditService {

    /** One audit entry; {@code details} says what changed, as names and values. */
    public record Entry(long id, OffsetDateTime at, String actor, String action, String entityType, String entityId,
            Map<String, Object> details) {

        /** The details as people read them: "role: engineer", "password reset". */
        public List<String> changes() {
            List<String> out = new ArrayList<>();
            details.forEach((k, v) -> out.add(v instanceof Boolean b
                    ? (b ? words(k) : "not " + words(k))
                    : words(k) + ": " + (v instanceof List<?> l ? String.join(", ", l.stream().map(String::valueOf).toList())
                            : String.valueOf(v))));
            return out;
        }

        private static String words(String camel) {
            return camel.replaceAll("([a-z])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Which entries to list; null means any. {@code from} inclusive, {@code to} exclusive. */
    public record Filter(String actor, String action, OffsetDateTime from, OffsetDateTime to) {}

    private static final String INSERT =
            "INSERT INTO audit_log (actor, action, entity_type, entity_id, details) VALUES (?, ?, ?, ?, ?::jsonb)";
    private static final String COLUMNS = "SELECT id, at, actor, action, entity_type, entity_id, details::text FROM audit_log";

    private final DataSource dataSource;
    private final ObjectMapper json;

    AuditService(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    public void record(String actor, String action, String entityType, String entityId, Map<String, ?> details) {
        recordChanges(actor, List.of(new Change(action, entityType, entityId, details)));
    }

    /** One change among many, written in one batch. */
    public record Change(String action, String entityType, String entityId, Map<String, ?> details) {}

    public void recordChanges(String actor, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (Change change : changes) {
                ps.setString(1, actor);
                ps.setString(2, change.action());
                ps.setString(3, change.entityType());
                ps.setString(4, change.entityId());
                ps.setString(5, json.writeValueAsString(change.details()));
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("writing the audit log", e);
        }
    }

    public Page<Entry> entries(Filter filter, int limit, int offset) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> values = new ArrayList<>();
        condition(where, values, " AND actor = ?", filter.actor());
        condition(where, values, " AND action = ?", filter.action());
        condition(where, values, " AND at >= ?", filter.from());
        condition(where, values, " AND at < ?", filter.to());
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(COLUMNS + where + " ORDER BY id DESC LIMIT ? OFFSET ?");
                PreparedStatement count = c.prepareStatement("SELECT count(*) FROM audit_log" + where)) {
            int i = 1;
            for (Object v : values) {
                count.setObject(i, v);
                ps.setObject(i++, v);
            }
            ps.setInt(i++, limit);
            ps.setInt(i, offset);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new Entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), details(rs.getString(7))));
                }
            }
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return new Page<>(entries, rs.getLong(1), limit, offset);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the audit log", e);
        }
    }

    /** Every action in the log, for the filter's choices. */
    public List<String> actions() {
        return dev.faultline.db.Jdbc.list(dataSource, "reading the audit log", rs -> rs.getString(1),
                "SELECT DISTINCT action FROM audit_log ORDER BY action");
    }

    private static void condition(StringBuilder where, List<Object> values, String sql, Object value) {
        if (value != null) {
            where.append(sql);
            values.add(value);
        }
    }

    private Map<String, Object> details(String text) {
        try {
            return json.readValue(text, new com.fasterxml.jackson.core.type.TypeReference<java.util.LinkedHashMap<String, Object>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored audit details are not JSON", e);
        }
    }
}
