package dev.faultline.record;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Which records a trend, a Pareto or a digest counts: any of these sites, assets, asset types, kinds and fault
 * classes (an empty list: any), occurred in [from, to). Every value is a bound parameter.
 */
public record RecordScope(List<String> sites, List<String> assets, List<String> assetTypes, List<String> kinds,
        List<String> faultClasses, OffsetDateTime from, OffsetDateTime to) {

    public RecordScope {
        sites = List.copyOf(sites);
        assets = List.copyOf(assets);
        assetTypes = List.copyOf(assetTypes);
        kinds = List.copyOf(kinds);
        faultClasses = List.copyOf(faultClasses);
    }

    /** The same records in another period. */
    public RecordScope during(OffsetDateTime start, OffsetDateTime end) {
        return new RecordScope(sites, assets, assetTypes, kinds, faultClasses, start, end);
    }

    /** The conditions on {@code records r} (fault class through {@code f}, the record's {@code record_faults} row). */
    FilterSql sql() {
        StringBuilder sql = new StringBuilder();
        List<Object> values = new ArrayList<>();
        any(sql, values, "r.site", sites);
        any(sql, values, "r.asset_id", assets);
        if (!assetTypes.isEmpty()) {
            sql.append(" AND r.asset_id IN (SELECT a.id FROM assets a WHERE a.type = ANY (?))");
            values.add(assetTypes.toArray(String[]::new));
        }
        any(sql, values, "r.kind", kinds);
        any(sql, values, "f.fault_class", faultClasses);
        if (from != null) {
            sql.append(" AND r.occurred_at >= ?");
            values.add(from);
        }
        if (to != null) {
            sql.append(" AND r.occurred_at < ?");
            values.add(to);
        }
        return new FilterSql(sql.toString(), values);
    }

    private static void any(StringBuilder sql, List<Object> values, String column, List<String> allowed) {
        if (!allowed.isEmpty()) {
            sql.append(" AND ").append(column).append(" = ANY (?)");
            values.add(allowed.toArray(String[]::new));
        }
    }
}
