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
                   r.site AS asset_site, a.line AS asset_line, r.occurred_at, r.author, r.title, r.text,
                   r.fields::text AS fields, r.language, r.tags, f.fault_class, f.fault_confidence, f.fault_source,
                   f.fault_model, f.fault_detail::text AS fault_detail, f.fault_classified_at, r.content_hash, r.created_at,
                   r.updated_at
              FROM records r LEFT JOIN assets a ON a.id = r.asset_id LEFT JOIN record_faults f ON f.record_id = r.id
            """;
    private static final String PAGE = " LIMIT ? OFFSET ?";
    // no join: the filters are all on the record, so a count by site can be an index-only scan
    private static final String COUNT = "SELECT count(*) FROM records r";
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

    /** The record with this source and external id. */
    public Optional<RecordView> findByKey(String source, String externalId) {
        return dev.faultline.db.Jdbc.list(dataSource, "reading a record", this::map,
                SELECT + " WHERE r.source = ? AND r.external_id = ?", source, externalId).stream().findFirst();
    }

    /** The records with these ids, in the order of the ids (unknown ids are skipped). */
    public List<RecordView> findByIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(SELECT + " WHERE r.id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            java.util.Map<Long, RecordView> byId = new java.util.HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    RecordView r = map(rs);
                    byId.put(r.id(), r);
                }
            }
            return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("reading records " + ids, e);
        }
    }

    public List<RecordView> find(RecordQuery query, int limit, int offset) {
        FilterSql where = query.where();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(SELECT + where.sql() + query.sort().sql + PAGE)) {
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

    /**
     * Every record of a list, in its order, one at a time from a server-side cursor (the rows are never all in
     * memory): what a CSV export streams.
     */
    public void each(RecordQuery query, java.util.function.Consumer<RecordView> row) {
        FilterSql where = query.where();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(SELECT + where.sql() + query.sort().sql)) {
                ps.setFetchSize(1000);
                where.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        row.accept(map(rs));
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("exporting records", e);
        }
    }

    /** An asset's records, newest first, with only what a timeline shows (one index scan, no joins). */
    public List<TimelineEntry> timeline(String assetId, int limit, int offset) {
        return dev.faultline.db.Jdbc.list(dataSource, "reading an asset's timeline",
                rs -> new TimelineEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                        rs.getString(4), rs.getString(5)),
                "SELECT r.id, r.occurred_at, r.kind, r.title, left(r.text, 400) FROM records r WHERE r.asset_id = ?"
                        + RecordSort.newest.sql + PAGE, assetId, limit, offset);
    }

    /** Id and content hash of the records a query lists (the same records, in the same order, as {@link #find}). */
    public List<RecordView.Fingerprint> fingerprints(RecordQuery query, int limit) {
        FilterSql where = query.where();
        String sql = "SELECT r.id, r.content_hash FROM records r" + where.sql() + query.sort().sql + PAGE;
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            int i = where.bind(ps);
            ps.setInt(i++, limit);
            ps.setInt(i, 0);
            return fingerprints(ps);
        } catch (SQLException e) {
            throw new IllegalStateException("listing records", e);
        }
    }

    /** Id and content hash of the records with these ids (unknown ids are skipped). */
    public List<RecordView.Fingerprint> fingerprints(List<Long> ids) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id, content_hash FROM records WHERE id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            return fingerprints(ps);
        } catch (SQLException e) {
            throw new IllegalStateException("reading records " + ids, e);
        }
    }

    private static List<RecordView.Fingerprint> fingerprints(PreparedStatement ps) throws SQLException {
        List<RecordView.Fingerprint> list = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                list.add(new RecordView.Fingerprint(rs.getLong(1), rs.getString(2)));
            }
        }
        return list;
    }

    public long count(RecordQuery query) {
        FilterSql where = query.where();
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
                classification(rs),
                rs.getString("content_hash"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }


    private FaultClassView classification(ResultSet rs) throws SQLException {
        String label = rs.getString("fault_class");
        if (label == null) {
            return null;
        }
        FaultClassView.Detail detail = new FaultClassView.Detail(List.of(), List.of());
        String text = rs.getString("fault_detail");
        if (text != null) {
            try {
                detail = json.readValue(text, FaultClassView.Detail.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored fault detail is not JSON", e);
            }
        }
        Object confidence = rs.getObject("fault_confidence");
        return new FaultClassView(label, confidence == null ? null : ((Number) confidence).doubleValue(),
                rs.getString("fault_source"), rs.getString("fault_model"),
                rs.getObject("fault_classified_at", OffsetDateTime.class),
                detail.alternatives(), detail.evidence());
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
}
