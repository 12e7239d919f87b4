package dev.faultline.search;

import dev.faultline.record.FilterSql;
import dev.faultline.record.RecordFilter;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Counts of the records matching a full-text query exactly (every group of words), for counting answers. */
@ApplicationScoped
class MatchCounts {

    private static final String MATCH = "r.search_tsv @@ (SELECT to_tsquery('english', ?))";

    /** How many match, over which dates; the assets with most; the first and the latest few, by date. */
    record Counted(long count, OffsetDateTime first, OffsetDateTime last, List<CountView.AssetCount> assets, List<Long> firstIds,
            List<Long> latestIds) {}

    private final DataSource dataSource;

    MatchCounts(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Counted count(String tsquery, RecordFilter filter, int examples) throws SQLException {
        FilterSql where = FilterSql.of(filter);
        String from = " FROM records r WHERE " + MATCH + where.conditions();
        try (Connection c = dataSource.getConnection()) {
            long count;
            OffsetDateTime first;
            OffsetDateTime last;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*), min(r.occurred_at), max(r.occurred_at)"
                    + from)) {
                bind(ps, tsquery, where);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    count = rs.getLong(1);
                    first = rs.getObject(2, OffsetDateTime.class);
                    last = rs.getObject(3, OffsetDateTime.class);
                }
            }
            List<CountView.AssetCount> assets = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT r.asset_id, count(*)" + from
                    + " AND r.asset_id IS NOT NULL GROUP BY r.asset_id ORDER BY count(*) DESC, r.asset_id LIMIT 5")) {
                bind(ps, tsquery, where);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        assets.add(new CountView.AssetCount(rs.getString(1), rs.getLong(2)));
                    }
                }
            }
            return new Counted(count, first, last, assets,
                    ids(c, "SELECT r.id" + from + " ORDER BY r.occurred_at NULLS LAST, r.id LIMIT ?", tsquery, where,
                            examples),
                    ids(c, "SELECT r.id" + from + " ORDER BY r.occurred_at DESC NULLS LAST, r.id DESC LIMIT ?", tsquery,
                            where, examples));
        }
    }

    private static List<Long> ids(Connection c, String sql, String tsquery, FilterSql where, int limit)
            throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = bind(ps, tsquery, where);
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static int bind(PreparedStatement ps, String tsquery, FilterSql where) throws SQLException {
        ps.setString(1, tsquery);
        return where.bind(ps, 2);
    }
}
