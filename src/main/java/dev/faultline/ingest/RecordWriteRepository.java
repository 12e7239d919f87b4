package dev.faultline.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Set-based upserts of assets and records: one statement per batch (arrays + {@code unnest}), so an import is
 * bound by PostgreSQL rather than by round trips. Callers run it inside a transaction and pass unique keys.
 */
@ApplicationScoped
public class RecordWriteRepository {

    private static final String UPSERT_ASSETS =
            """
            INSERT INTO assets AS a (id, name, type, site, line)
            SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
            ON CONFLICT (id) DO UPDATE
               SET name = coalesce(EXCLUDED.name, a.name), type = coalesce(EXCLUDED.type, a.type),
                   site = coalesce(EXCLUDED.site, a.site), line = coalesce(EXCLUDED.line, a.line),
                   updated_at = now()
             WHERE (a.name, a.type, a.site, a.line) IS DISTINCT FROM
                   (coalesce(EXCLUDED.name, a.name), coalesce(EXCLUDED.type, a.type),
                    coalesce(EXCLUDED.site, a.site), coalesce(EXCLUDED.line, a.line))
            RETURNING a.id
            """;
    // the records' copy of their asset's type and name (searched with them; the type is embedded too), for the
    // assets just changed
    private static final String COPY_ASSETS =
            """
            UPDATE records r SET asset_type = a.type, asset_name = a.name
              FROM assets a
             WHERE a.id = ANY (?) AND r.asset_id = a.id
               AND (r.asset_type, r.asset_name) IS DISTINCT FROM (a.type, a.name)
            """;
    // xmax = 0 on a returned row means it was inserted; rows whose hash did not change are not returned at all;
    // rows are inserted in input order (ids follow it), the asset's join notwithstanding
    private static final String UPSERT_RECORDS =
            """
            INSERT INTO records AS r (source, external_id, kind, asset_id, site, occurred_at, author, title, text,
                                      fields, language, tags, content_hash, asset_type, asset_name)
            SELECT u.s, u.e, u.k, u.a, u.si, u.o, u.au, u.ti, u.tx, u.f::jsonb, u.l,
                   ARRAY(SELECT jsonb_array_elements_text(u.tg::jsonb)), u.h,
                   a.type, a.name
              FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[],
                          ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                   WITH ORDINALITY AS u(s, e, k, a, si, o, au, ti, tx, f, l, tg, h, n)
              LEFT JOIN assets a ON a.id = u.a
             ORDER BY u.n
            ON CONFLICT (source, external_id) DO UPDATE
               SET kind = EXCLUDED.kind, asset_id = EXCLUDED.asset_id, site = EXCLUDED.site,
                   occurred_at = EXCLUDED.occurred_at,
                   author = EXCLUDED.author, title = EXCLUDED.title, text = EXCLUDED.text, fields = EXCLUDED.fields,
                   language = EXCLUDED.language, tags = EXCLUDED.tags, content_hash = EXCLUDED.content_hash,
                   asset_type = EXCLUDED.asset_type, asset_name = EXCLUDED.asset_name, updated_at = now()
             WHERE r.content_hash <> EXCLUDED.content_hash
            RETURNING r.id, r.source, r.external_id, (r.xmax = 0) AS inserted
            """;
    private static final String FIND_IDS =
            """
            SELECT r.id, r.source, r.external_id
              FROM records r JOIN unnest(?::text[], ?::text[]) AS k(s, e) ON r.source = k.s AND r.external_id = k.e
            """;

    private final DataSource dataSource;
    private final ObjectMapper json;

    RecordWriteRepository(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Creates the assets of these ids that do not exist yet (id only); existing ones are not touched. */
    public void insertMissingAssets(List<String> ids) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO assets (id) SELECT unnest(?::text[]) ORDER BY 1 ON CONFLICT (id) DO NOTHING")) {
            ps.setArray(1, c.createArrayOf("text", ids.toArray()));
            ps.executeUpdate();
        }
    }

    /**
     * Creates or updates assets; a null attribute keeps the stored value. Ids must be unique. The records of a
     * changed asset get its new type and name (and are embedded again when the type changed).
     */
    public void upsertAssets(List<AssetInput> assets) throws SQLException {
        if (assets.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            List<String> changed = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(UPSERT_ASSETS)) {
                bind(c, ps, 1, assets, AssetInput::id);
                bind(c, ps, 2, assets, AssetInput::name);
                bind(c, ps, 3, assets, AssetInput::type);
                bind(c, ps, 4, assets, AssetInput::site);
                bind(c, ps, 5, assets, AssetInput::line);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        changed.add(rs.getString(1));
                    }
                }
            }
            if (!changed.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(COPY_ASSETS)) {
                    ps.setArray(1, c.createArrayOf("text", changed.toArray()));
                    ps.executeUpdate();
                }
            }
        }
    }

    /** Upserts records by (source, externalId); answers one result per input, in input order. */
    public List<UpsertResult> upsertRecords(List<ValidRecord> records) throws SQLException {
        Map<String, UpsertResult> byKey = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(UPSERT_RECORDS)) {
                bindRecords(c, ps, records);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UpsertResult.Status status = rs.getBoolean("inserted")
                                ? UpsertResult.Status.created
                                : UpsertResult.Status.updated;
                        put(byKey, rs, status);
                    }
                }
            }
            List<ValidRecord> unchanged = records.stream().filter(r -> !byKey.containsKey(r.key())).toList();
            if (!unchanged.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(FIND_IDS)) {
                    bind(c, ps, 1, unchanged, ValidRecord::source);
                    bind(c, ps, 2, unchanged, ValidRecord::externalId);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            put(byKey, rs, UpsertResult.Status.unchanged);
                        }
                    }
                }
            }
        }
        return records.stream().map(r -> byKey.get(r.key())).toList();
    }

    private void bindRecords(Connection c, PreparedStatement ps, List<ValidRecord> records) throws SQLException {
        bind(c, ps, 1, records, ValidRecord::source);
        bind(c, ps, 2, records, ValidRecord::externalId);
        bind(c, ps, 3, records, ValidRecord::kind);
        bind(c, ps, 4, records, r -> r.asset() == null ? null : r.asset().id());
        // the site given on the record's own row; without one, a trigger takes the asset's (migration V9)
        bind(c, ps, 5, records, r -> r.asset() == null ? null : r.asset().site());
        bind(c, ps, 6, records, r -> r.occurredAt() == null ? null : r.occurredAt().toString());
        bind(c, ps, 7, records, ValidRecord::author);
        bind(c, ps, 8, records, ValidRecord::title);
        bind(c, ps, 9, records, ValidRecord::text);
        bind(c, ps, 10, records, r -> toJson(r.fields()));
        bind(c, ps, 11, records, ValidRecord::language);
        bind(c, ps, 12, records, r -> toJson(r.tags()));
        bind(c, ps, 13, records, ValidRecord::contentHash);
    }

    private static void put(Map<String, UpsertResult> byKey, ResultSet rs, UpsertResult.Status status)
            throws SQLException {
        String source = rs.getString("source");
        String externalId = rs.getString("external_id");
        byKey.put(source + '\u0000' + externalId, new UpsertResult(rs.getLong("id"), source, externalId, status));
    }

    private static <T> void bind(Connection c, PreparedStatement ps, int index, List<T> rows, Function<T, String> f)
            throws SQLException {
        String[] values = new String[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = f.apply(rows.get(i));
        }
        ps.setArray(index, c.createArrayOf("text", values));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("serialising record fields", e);
        }
    }
}
