package dev.faultline.search;

import dev.faultline.db.Vectors;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * What the second stage reads from the database about a search's best candidates: how similar each one's nearest
 * passage is to the question (pgvector's cosine distance, for keyword-only candidates too) and which of the question's
 * word groups (a word with its shorthand and spellings) each one holds, by the full-text index.
 */
@ApplicationScoped
class RerankSignals {

    private static final String COSINE = "SELECT e.record_id, max(1 - (e.embedding <=> ?)) FROM record_embeddings e"
            + " WHERE e.model = ? AND e.record_id = ANY (?) GROUP BY e.record_id";
    private static final String CENTROID = "WITH c AS (SELECT avg(embedding) AS v FROM record_embeddings"
            + " WHERE model = ? AND chunk = 0 AND record_id = ANY (?))"
            + " SELECT e.record_id, max(1 - (e.embedding <=> c.v)) FROM record_embeddings e, c"
            + " WHERE e.model = ? AND e.record_id = ANY (?) AND c.v IS NOT NULL GROUP BY e.record_id";
    private static final String GROUPS = "SELECT r.id, g.i FROM records r"
            + " CROSS JOIN unnest(?::text[]) WITH ORDINALITY AS g(q, i)"
            + " WHERE r.id = ANY (?) AND r.search_tsv @@ to_tsquery('english', g.q)";

    private final DataSource dataSource;

    RerankSignals(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Each candidate's best cosine similarity to the question over its passages (absent: not embedded yet). */
    Map<Long, Double> cosines(float[] vector, String model, String table, List<Long> ids) throws SQLException {
        Map<Long, Double> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(table.equals(SearchRepository.MAIN_VECTORS) ? COSINE
                        : COSINE.replace("record_embeddings e", table + " e"))) {
            ps.setObject(1, Vectors.param(vector));
            ps.setString(2, model);
            ps.setArray(3, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getDouble(2));
                }
            }
        }
        return out;
    }

    /**
     * Each candidate's best cosine similarity to the mean of the first passages of {@code top} (the best results: what
     * most of them are about, a pseudo-relevance signal); absent when none of them is embedded.
     */
    Map<Long, Double> centroidCosines(String model, String table, List<Long> top, List<Long> ids) throws SQLException {
        Map<Long, Double> out = new HashMap<>();
        if (ids.isEmpty() || top.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(table.equals(SearchRepository.MAIN_VECTORS) ? CENTROID
                        : CENTROID.replace("record_embeddings", table))) {
            ps.setString(1, model);
            ps.setArray(2, c.createArrayOf("bigint", top.toArray()));
            ps.setString(3, model);
            ps.setArray(4, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getDouble(2));
                }
            }
        }
        return out;
    }

    /** How many of the question's word groups (tsqueries) each candidate holds; absent: none. */
    Map<Long, Integer> groupsHeld(List<String> groups, List<Long> ids) throws SQLException {
        Map<Long, Integer> out = new HashMap<>();
        if (ids.isEmpty() || groups.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(GROUPS)) {
            ps.setArray(1, c.createArrayOf("text", groups.toArray()));
            ps.setArray(2, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.merge(rs.getLong(1), 1, Integer::sum);
                }
            }
        }
        return out;
    }
}
