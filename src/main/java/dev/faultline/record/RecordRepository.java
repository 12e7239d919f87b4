package dev.faultline.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** Reads records (with their asset) from PostgreSQL. Writes live in the ingest feature. */
@ApplicationScoped
public class RecordRepository {

    private static final String SELECT =
            """
            SELECT r.id, r.source, r.external_id, r.kind, r.asset_id, a.name AS asset_name, a.type AS asset_type,
                   a.site AS asset_site, a.line AS asset_line, r.occurred_at, r.author, r.title, r.text,
                   r.fields::text AS fields, r.language, r.tags, r.fault_class, r.content_hash, r.created_at,
                   r.updated_at
              FROM records r LEFT JOIN assets a ON a.id = r.asset_id
            """;
    private static final String ORDER = " ORDER BY r.occurred_at DESC NULLS LAST, r.id DESC LIMIT ? OFFSET ?";
    private static final String COUNT = "SELECT count(*) FROM records r LEFT JOIN assets a ON a.id = r.asset_id";
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {};

    private final DataSource dataSource;
    private final ObjectMapper json;

    RecordRepository(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    public Optional<RecordView> findById(long id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(SELECT + " WHERE r.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading record " + id, e);
        }
    }

    public List<RecordView> find(RecordFilter filter, int limit, int offset) {
        Where where = Where.of(filter);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(SELECT + where.sql() + ORDER)) {
            int i = where.bind(ps);
            ps.setInt(i++, limit);
            ps.setInt(i, offset);
            List<RecordView> items = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(map(rs));
                }
            }
            return items;
        } catch (SQLException e) {
            throw new IllegalStateException("listing records", e);
        }
    }

    public long count(RecordFilter filter) {
        Where where = Where.of(filter);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(COUNT + where.sql())) {
            where.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("counting records", e);
        }
    }

    private RecordView map(ResultSet rs) throws SQLException {
        String assetId = rs.getString("asset_id");
        AssetView.Ref asset = assetId == null
                ? null
                : new AssetView.Ref(
                        assetId,
                        rs.getString("asset_name"),
                        rs.getString("asset_type"),
                        rs.getString("asset_site"),
                        rs.getString("asset_line"));
        return new RecordView(
                rs.getLong("id"),
                rs.getString("source"),
                rs.getString("external_id"),
                rs.getString("kind"),
                asset,
                rs.getObject("occurred_at", OffsetDateTime.class),
                rs.getString("author"),
                rs.getString("title"),
                rs.getString("text"),
                fields(rs.getString("fields")),
                rs.getString("language"),
                tags(rs.getArray("tags")),
                rs.getString("fault_class"),
                rs.getString("content_hash"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    private Map<String, String> fields(String text) {
        try {
            return json.readValue(text, FIELDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored fields are not a JSON object of strings", e);
        }
    }

    private static List<String> tags(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /** A WHERE clause built from fixed fragments; every value is a bound parameter. */
    private record Where(String sql, List<Object> values) {

        static Where of(RecordFilter f) {
            StringBuilder sql = new StringBuilder();
            List<Object> values = new ArrayList<>();
            add(sql, values, "r.asset_id = ?", f.asset());
            add(sql, values, "a.site = ?", f.site());
            add(sql, values, "r.kind = ?", f.kind() == null ? null : f.kind().code());
            add(sql, values, "r.source = ?", f.source());
            add(sql, values, "r.occurred_at >= ?", f.from());
            add(sql, values, "r.occurred_at < ?", f.to());
            return new Where(sql.toString(), values);
        }

        private static void add(StringBuilder sql, List<Object> values, String condition, Object value) {
            if (value != null) {
                sql.append(values.isEmpty() ? " WHERE " : " AND ").append(condition);
                values.add(value);
            }
        }

        int bind(PreparedStatement ps) throws SQLException {
            int i = 1;
            for (Object v : values) {
                ps.setObject(i++, v);
            }
            return i;
        }
    }
}
