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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Near-identical records among a search's best candidates, so that the top ten are ten different problems: a
 * record whose text is at least {@code faultline.search.duplicate-text-similarity} alike (trigrams, pg_trgm) or
 * whose first passage is at least {@code faultline.search.duplicate-similarity} similar (cosine, pgvector) to a
 * better-ranked one, and that names the same sides and positions, is shown under it ("+4 similar records").
 * "#2 CYL LOW COMP" and "#3 CYL LOW COMP" read alike but are two problems: they stay apart. Both measures are
 * needed: the model puts "LEFT MAG DROP … RUN UP" nearer to the same with "RIGHT" than to itself with a full stop.
 */
@ApplicationScoped
class NearDuplicates {

    // pairs among the candidates that read alike (pg_trgm) or mean the same (pgvector), with their texts; a record
    // not embedded yet is compared by its text only
    private static final String PAIRS = """
            WITH c AS MATERIALIZED (SELECT r.id, r.text, e.embedding FROM records r
                                      LEFT JOIN record_embeddings e ON e.record_id = r.id AND e.chunk = 0 AND e.model = ?
                                     WHERE r.id = ANY (?))
            SELECT a.id, a.text, b.id, b.text FROM c a JOIN c b ON a.id < b.id
             WHERE similarity(a.text, b.text) >= ? OR (a.embedding <=> b.embedding) <= ?
            """;
    private static final Pattern NUMBERED = Pattern.compile(
            "(?:#|\\bNO\\.?\\s*|\\bNUMBER\\s+|\\bNR\\.?\\s*|\\bCYL(?:INDER)?\\.?\\s*#?\\s*|\\bENG(?:INE)?\\.?\\s*#?\\s*)(\\d{1,2})\\b");
    private static final Pattern SIDE = Pattern.compile(
            "\\b(L/H|LH|LEFT|LT|R/H|RH|RIGHT|RT|FWD|FORWARD|AFT|UPPER|LOWER|INBD|INBOARD|OUTBD|OUTBOARD)\\b");

    private final DataSource dataSource;

    NearDuplicates(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The ranked ids grouped: each group's first id (the best-ranked of its kind) maps to the ids collapsed under
     * it, in rank order; only the first {@code window} ids are compared, the rest stay on their own.
     */
    LinkedHashMap<Long, List<Long>> collapse(List<Long> ranked, String model, double minTextSimilarity,
            double minSimilarity, int window) throws SQLException {
        List<Long> compared = ranked.subList(0, Math.min(window, ranked.size()));
        return group(ranked, compared.size() < 2 ? Map.of()
                : pairs(compared, model, minTextSimilarity, minSimilarity));
    }

    /**
     * Greedy grouping in rank order: a record joins the first better-ranked group leader it is a near duplicate of
     * (leaders only, so a chain of small differences does not add up to one group), else it leads a group itself.
     */
    static LinkedHashMap<Long, List<Long>> group(List<Long> ranked, Map<Long, Set<Long>> near) {
        LinkedHashMap<Long, List<Long>> groups = new LinkedHashMap<>();
        for (Long id : ranked) {
            Set<Long> mine = near.getOrDefault(id, Set.of());
            Long leader = mine.isEmpty() ? null
                    : groups.keySet().stream().filter(mine::contains).findFirst().orElse(null);
            if (leader == null) {
                groups.put(id, new ArrayList<>());
            } else {
                groups.get(leader).add(id);
            }
        }
        return groups;
    }

    /** The sides and numbered positions a text names ("L/H", "#3", "CYL 3", "NO. 2"), normalised. */
    static Set<String> positions(String text) {
        Set<String> out = new TreeSet<>();
        String upper = text == null ? "" : text.toUpperCase(Locale.ROOT);
        Matcher n = NUMBERED.matcher(upper);
        while (n.find()) {
            out.add("#" + Integer.parseInt(n.group(1)));
        }
        Matcher s = SIDE.matcher(upper);
        while (s.find()) {
            out.add(switch (s.group(1)) {
                case "L/H", "LH", "LEFT", "LT" -> "left";
                case "R/H", "RH", "RIGHT", "RT" -> "right";
                case "FWD", "FORWARD" -> "forward";
                case "INBD", "INBOARD" -> "inboard";
                case "OUTBD", "OUTBOARD" -> "outboard";
                default -> s.group(1).toLowerCase(Locale.ROOT);
            });
        }
        return out;
    }

    private Map<Long, Set<Long>> pairs(List<Long> ids, String model, double minTextSimilarity, double minSimilarity)
            throws SQLException {
        Map<Long, Set<Long>> near = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(PAIRS)) {
            ps.setString(1, model);
            ps.setArray(2, c.createArrayOf("bigint", ids.toArray()));
            ps.setDouble(3, minTextSimilarity);
            ps.setDouble(4, 1 - minSimilarity);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long a = rs.getLong(1);
                    long b = rs.getLong(3);
                    if (positions(rs.getString(2)).equals(positions(rs.getString(4)))) {
                        near.computeIfAbsent(a, k -> new TreeSet<>()).add(b);
                        near.computeIfAbsent(b, k -> new TreeSet<>()).add(a);
                    }
                }
            }
        }
        return near;
    }
}
