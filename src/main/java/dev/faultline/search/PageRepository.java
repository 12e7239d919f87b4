package dev.faultline.search;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** What a page of results shows beside the records: highlighted snippets and the facets' counts. */
@ApplicationScoped
class PageRepository {

    /** Sentinels around highlighted words; the service escapes the snippet and turns them into mark tags. */
    static final char MARK_START = '\u0001';
    static final char MARK_END = '\u0002';

    private static final String SNIPPETS =
            """
            SELECT r.id, ts_headline('english', translate(r.text, chr(1) || chr(2), '  '), to_tsquery('english', ?),
                   'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxWords=40, MinWords=20, MaxFragments=2')
              FROM records r WHERE r.id = ANY (?)
            """;
    // one pass over the candidates (each record read once), counted by the caller
    private static final String FACETS =
            "SELECT r.kind, r.asset_id, r.site, f.fault_class FROM records r"
                    + " LEFT JOIN record_faults f ON f.record_id = r.id WHERE r.id = ANY (?)";

    private final DataSource dataSource;

    PageRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Highlighted excerpts (with the sentinel marks) of these records' text. */
    Map<Long, String> snippets(List<Long> ids, String tsquery) throws SQLException {
        Map<Long, String> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(SNIPPETS)) {
            ps.setString(1, tsquery == null ? "" : tsquery);
            ps.setArray(2, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    /** Counts by kind, asset, site and fault class over the candidate records, largest first. */
    Map<String, Map<String, Long>> facets(List<Long> ids) throws SQLException {
        List<String> names = List.of("kind", "asset", "site", "faultClass");
        List<Map<String, Long>> counts = new ArrayList<>();
        names.forEach(n -> counts.add(new HashMap<>()));
        if (!ids.isEmpty()) {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement(FACETS)) {
                ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        for (int i = 0; i < names.size(); i++) {
                            String value = rs.getString(i + 1);
                            if (value != null) {
                                counts.get(i).merge(value, 1L, Long::sum);
                            }
                        }
                    }
                }
            }
        }
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            LinkedHashMap<String, Long> sorted = new LinkedHashMap<>();
            counts.get(i).entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> sorted.put(e.getKey(), e.getValue()));
            facets.put(names.get(i), sorted);
        }
        return facets;
    }
}
