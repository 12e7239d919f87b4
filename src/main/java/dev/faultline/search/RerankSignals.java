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

    /** Each candidate's best cosine to the question and to the centroid of the best results, its vectors read once. */
    private static final String COSINES = "WITH c AS (SELECT avg(embedding) AS v FROM record_embeddings"
            + " WHERE model = ? AND chunk = 0 AND record_id = ANY (?))"
            + " SELECT e.record_id, max(1 - (e.embedding <=> ?)), max(1 - (e.embedding <=> c.v))"
            + " FROM record_embeddings e CROSS JOIN c WHERE e.model = ? AND e.record_id = ANY (?) GROUP BY e.record_id";
    private static final String GROUPS = "SELECT r.id, g.i FROM records r"
            + " CROSS JOIN unnest(?::text[]) WITH ORDINALITY AS g(q, i)"
            + " WHERE r.id = ANY (?) AND r.search_tsv @@ to_tsquery('english', g.q)";

    private final DataSource dataSource;

    RerankSignals(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A candidate's best cosine similarity over its passages to the question, and to the best results' centroid. */
    record Cosines(double question, double centroid) {}

    /**
     * Each candidate's best cosine similarity to the question and to the mean of the first passages of {@code top} (the
     * best results: what most of them are about, a pseudo-relevance signal; 0 when none of them is embedded); absent:
     * not embedded yet.
     */
    Map<Long, Cosines> cosines(float[] vector, String model, String table, List<Long> top, List<Long> ids)
            throws SQLException {
        Map<Long, Cosines> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(table.equals(VectorRepository.MAIN_VECTORS) ? COSINES
                        : COSINES.replace("record_embeddings", table))) {
            ps.setString(1, model);
            ps.setArray(2, c.createArrayOf("bigint", top.toArray()));
            ps.setObject(3, Vectors.param(vector));
            ps.setString(4, model);
            ps.setArray(5, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), new Cosines(rs.getDouble(2), rs.getDouble(3)));
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
