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

    /** One audit entry. */
    public record Entry(
            long id, OffsetDateTime at, String actor, String action, String entityType, String entityId, String details) {}

    private static final String INSERT =
            "INSERT INTO audit_log (actor, action, entity_type, entity_id, details) VALUES (?, ?, ?, ?, ?::jsonb)";
    private static final String PAGE =
            "SELECT id, at, actor, action, entity_type, entity_id, details::text FROM audit_log ORDER BY id DESC LIMIT ? OFFSET ?";

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

    public Page<Entry> entries(int limit, int offset) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(PAGE);
                PreparedStatement count = c.prepareStatement("SELECT count(*) FROM audit_log")) {
            ps.setInt(1, limit);
            ps.setInt(2, offset);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new Entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
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
}
