package dev.faultline.record;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A record filter as SQL conditions on {@code records r} alone, from fixed fragments; every value
 * is a bound parameter. Shared by the record list and search so both filter alike.
 */
public record FilterSql(String conditions, List<Object> values) {

    public static FilterSql of(RecordFilter f) {
        StringBuilder sql = new StringBuilder();
        List<Object> values = new ArrayList<>();
        add(sql, values, "r.asset_id = ?", f.asset());
        // the site the record was written at (migration V9): it leads the full-text index
        add(sql, values, "r.site = ?", f.site());
        add(sql, values, "r.kind = ?", f.kind() == null ? null : f.kind().code());
        add(sql, values, "r.source = ?", f.source());
        add(sql, values, "r.occurred_at >= ?", f.from());
        add(sql, values, "r.occurred_at < ?", f.to());
        add(sql, values, "r.id IN (SELECT f.record_id FROM record_faults f WHERE f.fault_class = ?)", f.faultClass());
        return new FilterSql(sql.toString(), values);
    }

    private static void add(StringBuilder sql, List<Object> values, String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            values.add(value);
        }
    }

    /** {@code " WHERE ..."}, or empty without filters. */
    public String sql() {
        return conditions.isEmpty() ? "" : " WHERE" + conditions.substring(4);
    }

    /** Binds the values from parameter {@code first} on; answers the next free index. */
    public int bind(PreparedStatement ps, int first) throws SQLException {
        int i = first;
        for (Object v : values) {
            ps.setObject(i++, v);
        }
        return i;
    }

    public int bind(PreparedStatement ps) throws SQLException {
        return bind(ps, 1);
    }
}
