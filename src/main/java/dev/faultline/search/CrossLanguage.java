package dev.faultline.search;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Search across English and Chinese ({@code faultline.search.cross-language-weight}). A Chinese question is also
 * asked in English ({@link Bilingual}): its full-text words reach the records written in English. An English question,
 * on a site that holds records in a CJK script, is also asked in Chinese: its full-text words and the CJK model's
 * vectors reach only those records, and they leave the English question's own vector list, where the main model,
 * which reads no Chinese, placed them by chance.
 */
@ApplicationScoped
class CrossLanguage {

    private final DataSource dataSource;
    private final SearchConfig config;
    private final Bilingual glossary = Bilingual.load();

    CrossLanguage(DataSource dataSource, SearchConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** What a search should do across languages; null: nothing. */
    Question question(String text) throws SQLException {
        if (config.crossLanguageWeight() <= 0 || text == null || text.isBlank()) {
            return null;
        }
        boolean toChinese = !Cjk.written(text);
        if (toChinese && !cjkRecords()) {
            return null;
        }
        String translated = glossary.translate(text);
        return translated == null && !toChinese ? null : new Question(translated, toChinese);
    }

    /**
     * {@code text}: the question in the other language, null when the glossary holds none of its terms;
     * {@code toChinese}: an English question on a site with CJK records (the translation is also embedded, by the CJK
     * model, and the CJK records leave the main model's list).
     */
    record Question(String text, boolean toChinese) {}

    /** The ids without the records that have the CJK model's vectors (those written in a CJK script), in order. */
    List<Long> withoutCjkRecords(List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return ids;
        }
        Set<Long> cjk = new HashSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT DISTINCT record_id FROM " + VectorRepository.CJK_VECTORS + " WHERE record_id = ANY (?)")) {
            Array array = c.createArrayOf("bigint", ids.toArray());
            ps.setArray(1, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cjk.add(rs.getLong(1));
                }
            }
        }
        return cjk.isEmpty() ? ids : ids.stream().filter(id -> !cjk.contains(id)).toList();
    }

    /** Whether any record has the CJK model's vector (one index probe; asked per English question, not cached). */
    private boolean cjkRecords() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM " + VectorRepository.CJK_VECTORS + ")")) {
            return rs.next() && rs.getBoolean(1);
        }
    }
}
