package dev.faultline.record;

import dev.faultline.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

/**
 * What sensor models learn from: the assets a model is bound to, and the records that say an asset failed. A
 * record marks a failure when it is tagged {@code failure}; its {@code fields.failure_type} may name the failure
 * mode(s), comma-separated (for instance {@code TWF} or {@code HDF,OSF}).
 */
@ApplicationScoped
class FailureRepository {

    static final String TAG = "failure";

    private final DataSource dataSource;

    FailureRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Assets of a type, optionally of one site and / or among the given ids, by id. */
    List<AssetView.Ref> ofType(String type, String site, Collection<String> ids) {
        return Jdbc.list(dataSource, "listing assets by type",
                rs -> new AssetView.Ref(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)),
                """
                SELECT id, name, type, site, line FROM assets
                 WHERE type = ? AND (?::text IS NULL OR site = ?) AND (?::text[] IS NULL OR id = ANY (?::text[]))
                 ORDER BY id""",
                type, site, site, ids == null ? null : ids.toArray(String[]::new),
                ids == null ? null : ids.toArray(String[]::new));
    }

    /** The failure records of these assets, oldest first. */
    List<FailureView> of(Collection<String> assets) {
        String[] ids = assets.toArray(String[]::new);
        return Jdbc.list(dataSource, "reading failure records",
                rs -> new FailureView(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                        types(rs.getString(4))),
                """
                SELECT id, asset_id, occurred_at, fields ->> 'failure_type' FROM records
                 WHERE asset_id = ANY (?::text[]) AND ? = ANY (tags) AND occurred_at IS NOT NULL
                 ORDER BY occurred_at, id""", ids, TAG);
    }

    private static List<String> types(String value) {
        return value == null || value.isBlank() ? List.of()
                : Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
