package dev.faultline.search;

import dev.faultline.record.RecordFilter;
import dev.faultline.record.RecordService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Exact counts for questions such as "how often did the left magneto fail?": the records with every word of the
 * subject, each word or phrase also as its shorthand or expansion ("left" as L/H, LH, LT; "magneto" as MAG), as
 * the keyword search's first tier finds them, in the question's filters.
 */
@ApplicationScoped
public class CountService {

    private final MatchCounts counts;
    private final RecordService records;
    private final Shorthand shorthand = Shorthand.load();

    CountService(MatchCounts counts, RecordService records) {
        this.counts = counts;
        this.records = records;
    }

    /**
     * The subject's groups of alternatives, as {@link Shorthand#groups}; a word written {@code a|b} is one group
     * matching either ("collapsing or breaking"), and {@code a+b|c+d} one matching either phrase's words.
     */
    List<String> groups(String subject) {
        List<String> groups = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        for (String token : subject.split(" ")) {
            if (!token.contains("|")) {
                plain.append(token).append(' ');
                continue;
            }
            groups.addAll(shorthand.groups(plain.toString()));
            plain.setLength(0);
            List<String> either = new ArrayList<>();
            for (String part : token.split("\\|")) {
                List<String> g = shorthand.groups(part.replace('+', ' '));
                if (!g.isEmpty()) {
                    either.add(g.size() == 1 ? g.getFirst() : "(" + String.join(" & ", g) + ")");
                }
            }
            if (!either.isEmpty()) {
                groups.add(either.size() == 1 ? either.getFirst() : "(" + String.join(" | ", either) + ")");
            }
        }
        groups.addAll(shorthand.groups(plain.toString()));
        return positions(groups);
    }

    /**
     * A number of one or two digits is a position ("#3 cylinder", "cylinder 3", "engine #2"), bound to the word beside
     * it (the next one; the one before when it is last) in either order, {@code ('3' <-> G | G <-> '3')}: alone it
     * matched every record with a 3 anywhere ("3 QTS OIL ADDED"). As {@code Cjk.units} does for "5#加工中心".
     */
    static List<String> positions(List<String> groups) {
        List<String> out = new ArrayList<>(groups);
        for (int i = 0; i < out.size() && out.size() > 1; i++) {
            int with = i + 1 < out.size() ? i + 1 : i - 1;
            // a neighbour of several words ("landing & gear") cannot follow a word as a phrase: left unbound
            if (out.get(i).matches("'\\d{1,2}'") && !out.get(with).contains("&")) {
                String n = out.get(i), g = out.get(with);
                out.set(Math.min(i, with), "(" + n + " <-> " + g + " | " + g + " <-> " + n + ")");
                out.remove(Math.max(i, with));
            }
        }
        return out;
    }

    /** The count with up to {@code examples} first and latest records; null when the subject has no word to match. */
    @Transactional
    public CountView count(String subject, RecordFilter filter, int examples) {
        List<String> groups = groups(subject);
        if (groups.isEmpty()) {
            return null;
        }
        String tsquery = String.join(" & ", groups);
        try {
            MatchCounts.Counted c = counts.count(tsquery, filter, examples);
            return new CountView(c.count(), tsquery, c.first(), c.last(), c.assets(), records.records(c.firstIds()),
                    records.records(c.latestIds()));
        } catch (SQLException e) {
            throw new IllegalStateException("counting records: " + e.getMessage(), e);
        }
    }
}
