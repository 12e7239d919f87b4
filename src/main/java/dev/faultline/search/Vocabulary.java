package dev.faultline.search;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Spelling help for the keyword list: the records' words with how many records hold each ({@code search_vocabulary},
 * rebuilt in the background when records have changed), and for a query word that is unknown or rare there, the most
 * alike word that is much more frequent (trigram similarity, pg_trgm): "vaccum" also finds VACUUM, "magnito" MAGNETO.
 * The correction is an alternative, never a replacement: the word as typed still counts.
 */
@ApplicationScoped
class Vocabulary {

    private static final Logger LOG = Logger.getLogger(Vocabulary.class);
    // what changes when records do: the id sequence at once for new records, the statistics' counters (a second or
    // so late) for edits and deletions
    private static final String WRITES = "SELECT coalesce(pg_sequence_last_value(pg_get_serial_sequence('records', 'id')), 0)"
            + " + coalesce((SELECT n_tup_upd + n_tup_del FROM pg_stat_user_tables WHERE relname = 'records'), 0)";
    // each word's lexeme (as the full text stores it); when it is rarer than rare-below, the most alike lexeme held
    // by at least `times` as many records, if it is alike enough
    private static final String CORRECTIONS = """
            WITH q AS (SELECT t.word, l.lexeme FROM unnest(?::text[]) AS t(word),
                              unnest(tsvector_to_array(to_tsvector('english', t.word))) AS l(lexeme)),
                 k AS (SELECT q.word, q.lexeme, coalesce(v.records, 0) AS records FROM q
                         LEFT JOIN search_vocabulary v ON v.word = q.lexeme)
            SELECT k.word, c.word FROM k, LATERAL (
                   SELECT v.word FROM search_vocabulary v
                    WHERE v.word % k.lexeme AND v.word <> k.lexeme AND v.records >= greatest(3, k.records * ?)
                      AND similarity(v.word, k.lexeme) >= ?
                    ORDER BY similarity(v.word, k.lexeme) DESC, v.records DESC LIMIT 1) c
             WHERE k.records < ?
            """;

    private final DataSource dataSource;
    private final SearchConfig config;

    Vocabulary(DataSource dataSource, SearchConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /**
     * Spelling corrections for a question's words that the shorthand dictionaries do not know (letters only, 4 or
     * more): word as typed → the lexeme to add as its alternative.
     */
    Map<String, Set<String>> correctionsOf(String question, Shorthand shorthand) {
        List<String> unknown = Shorthand.words(question).stream()
                .filter(w -> w.length() >= 4 && w.chars().allMatch(Character::isLetter) && !shorthand.knows(w))
                .distinct().toList();
        return unknown.isEmpty() ? Map.of() : corrections(unknown);
    }

    /** Corrections for the query words that need one: word as typed → the lexeme to add as its alternative. */
    Map<String, Set<String>> corrections(List<String> words) {
        Map<String, Set<String>> out = new HashMap<>();
        // CJK bigrams are not spelt: a near bigram is another word, not a typing slip
        words = words.stream().filter(w -> !Cjk.has(w)).toList();
        if (words.isEmpty() || config.spelling().minSimilarity() > 1) {
            return out;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(CORRECTIONS)) {
            ps.setArray(1, c.createArrayOf("text", words.toArray()));
            ps.setInt(2, config.spelling().times());
            ps.setDouble(3, config.spelling().minSimilarity());
            ps.setInt(4, config.spelling().rareBelow());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), Set.of(rs.getString(2)));
                }
            }
        } catch (SQLException e) {
            // spelling help is a bonus: the search goes on with the words as typed
            LOG.debugf("spelling corrections: %s", e.getMessage());
        }
        return out;
    }

    @Scheduled(every = "${faultline.search.spelling.interval}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            refresh(false);
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("rebuilding the search vocabulary failed, will retry: %s", e.getMessage());
        }
    }

    /**
     * Rebuilds the vocabulary when the records have changed since the last build (or always when {@code force}),
     * in one transaction, one instance at a time (advisory lock); answers whether it did.
     */
    boolean refresh(boolean force) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                ResultSet lock = s.executeQuery("SELECT pg_try_advisory_xact_lock(hashtext('search_vocabulary'))");
                lock.next();
                if (!lock.getBoolean(1)) {
                    c.rollback();
                    return false;
                }
                ResultSet w = s.executeQuery(WRITES);
                w.next();
                long writes = w.getLong(1);
                ResultSet st = s.executeQuery("SELECT writes FROM search_vocabulary_state");
                if (!force && st.next() && st.getLong(1) == writes) {
                    c.rollback();
                    return false;
                }
                long started = System.nanoTime();
                s.execute("DELETE FROM search_vocabulary");
                int words = s.executeUpdate("INSERT INTO search_vocabulary (word, records)"
                        + " SELECT word, ndoc FROM ts_stat('SELECT search_tsv FROM records')");
                s.execute("INSERT INTO search_vocabulary_state (writes, built_at) VALUES (" + writes + ", now())"
                        + " ON CONFLICT (id) DO UPDATE SET writes = EXCLUDED.writes, built_at = EXCLUDED.built_at");
                c.commit();
                LOG.infof("search vocabulary rebuilt: %d words in %d ms", words, (System.nanoTime() - started) / 1_000_000);
                return true;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
