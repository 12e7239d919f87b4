package dev.faultline.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Maintenance shorthand ("CYL", "R/H", "GSKT") and its expansions, from {@code search/shorthand.tsv} and
 * {@code search/shorthand-maintnorm.tsv}. Turns a
 * query into a PostgreSQL {@code tsquery} in which every term is optional (OR) and each term also matches its
 * shorthand or expansion: "right hand cylinder" finds "R/H CYL" and the other way round.
 */
final class Shorthand {

    /** Written by hand (with MaintNet's abbreviation list), and learnt from MaintNorm (scripts/learn-shorthand.mjs). */
    private static final List<String> DICTIONARIES = List.of("/search/shorthand.tsv", "/search/shorthand-maintnorm.tsv");

    private final Map<String, Set<String>> alternatives = new HashMap<>();
    /**
     * Words left out of the groups: those PostgreSQL's {@code english} configuration drops from every tsvector and
     * tsquery, and the words that only say "records of" (search/meta.stop).
     */
    private final Set<String> stopWords = new HashSet<>();

    private Shorthand() {}

    static Shorthand load() {
        Shorthand s = new Shorthand();
        for (String list : List.of("english.stop", "meta.stop")) {
            try (InputStream in = Shorthand.class.getResourceAsStream("/search/" + list);
                    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                r.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(s.stopWords::add);
            } catch (IOException e) {
                throw new UncheckedIOException("reading search/" + list, e);
            }
        }
        for (String file : DICTIONARIES) {
            try (InputStream in = Shorthand.class.getResourceAsStream(file);
                    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] cols = line.split("\t");
                    s.add(cols[0].strip().toLowerCase(Locale.ROOT), cols[1].strip().toLowerCase(Locale.ROOT));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + file, e);
            }
        }
        return s;
    }

    private void add(String shorthand, String expansion) {
        alternatives.computeIfAbsent(shorthand, k -> new LinkedHashSet<>()).add(expansion);
        alternatives.computeIfAbsent(expansion, k -> new LinkedHashSet<>()).add(shorthand);
    }

    /**
     * The query's words, lower case, with surrounding punctuation removed ("R/H," → "r/h", "#3" → "3"), and the
     * word "number" (no, nr) before a position number left out.
     */
    static List<String> words(String query) {
        List<String> words = new ArrayList<>();
        for (String raw : query.toLowerCase(Locale.ROOT).split("\\s+")) {
            // Chinese has no spaces: a run of CJK characters is split into the bigrams the index holds
            for (String part : Cjk.has(raw) ? Cjk.split(raw) : List.of(raw)) {
                String w = part.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}/&]+$", "");
                if (!w.isEmpty()) {
                    words.add(w);
                }
            }
        }
        // "number 3 cylinder", "no. 3 cyl": the position is written "#3" (the number alone in full text) in logs
        for (int i = words.size() - 2; i >= 0; i--) {
            if (POSITION_WORDS.contains(words.get(i)) && words.get(i + 1).matches("\\d{1,2}")) {
                words.remove(i);
            }
        }
        return words;
    }

    private static final Set<String> POSITION_WORDS = Set.of("number", "no", "nr", "num");

    /** Every word, two-word and three-word phrase of the query with its alternatives; null when nothing is left. */
    String tsquery(String query) {
        List<String> terms = terms(query);
        return terms.isEmpty() ? null : String.join(" | ", terms);
    }

    /** The OR-ed parts of {@link #tsquery}, each in tsquery syntax. */
    List<String> terms(String query) {
        return terms(query, Map.of());
    }

    /** As {@link #terms(String)}, with more alternatives for single words (spelling corrections). */
    List<String> terms(String query, Map<String, Set<String>> extra) {
        List<String> words = words(query);
        Set<String> terms = new LinkedHashSet<>();
        for (int i = 0; i < words.size(); i++) {
            terms.add(term(words.get(i)));
            for (int n = 1; n <= 3 && i + n <= words.size(); n++) {
                String phrase = String.join(" ", words.subList(i, i + n));
                for (String alt : alternatives(phrase, extra)) {
                    terms.add(term(alt));
                }
            }
        }
        terms.remove(null);
        return new ArrayList<>(terms);
    }

    /**
     * The query's words as groups of alternatives (a phrase with an alternative is one group), each in tsquery
     * syntax: AND-ed they require every word, the most specific candidates. "cracked engine baffle" gives
     * {@code 'cracked'}, {@code ('engine' | 'eng')}, {@code 'baffle'}. Stop words without an alternative are left
     * out: PostgreSQL drops them from the query anyway, and in the "all words but one" tier each one only added a
     * copy of the all-words query (that tier took twice as long for "oil leak at the valve cover" at 1,000,000
     * records), or let "the oil leak" match every record with "oil" or "leak".
     */
    List<String> groups(String query) {
        return groups(query, Map.of());
    }

    /** As {@link #groups(String)}, with more alternatives for single words (spelling corrections). */
    List<String> groups(String query, Map<String, Set<String>> extra) {
        List<String> words = words(query);
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < words.size(); ) {
            int n = Math.min(3, words.size() - i);
            while (n > 1 && !alternatives.containsKey(String.join(" ", words.subList(i, i + n)))) {
                n--;
            }
            String phrase = String.join(" ", words.subList(i, i + n));
            Set<String> group = new LinkedHashSet<>();
            group.add(term(phrase));
            for (String alt : alternatives(phrase, extra)) {
                group.add(term(alt));
            }
            group.remove(null);
            boolean stopWord = group.size() == 1 && stopWords.contains(phrase);
            if (!group.isEmpty() && !stopWord) {
                groups.add(group.size() == 1 ? group.iterator().next() : "(" + String.join(" | ", group) + ")");
            }
            i += n;
        }
        return groups;
    }

    private Set<String> alternatives(String phrase, Map<String, Set<String>> extra) {
        Set<String> more = extra.get(phrase);
        if (more == null) {
            return alternatives.getOrDefault(phrase, Set.of());
        }
        Set<String> all = new LinkedHashSet<>(alternatives.getOrDefault(phrase, Set.of()));
        all.addAll(more);
        return all;
    }

    /** Whether the dictionaries know this word or phrase (then it is not a misspelling to correct). */
    boolean knows(String phrase) {
        return alternatives.containsKey(phrase) || stopWords.contains(phrase);
    }

    /**
     * Groups from {@link #groups} as tsqueries, one for each group left out: a record matching any of them has all
     * the groups but (at most) one.
     */
    static List<String> allButOne(List<String> groups) {
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            List<String> rest = new ArrayList<>(groups);
            rest.remove(i);
            alternatives.add(String.join(" & ", rest));
        }
        return alternatives;
    }

    /**
     * A slash between two letters and two more ("insp/repair", "strike/sudden"): the index reads it as a separator
     * (migration V30, {@code faultline_split_slashes}), so a query word holding one is its words; "l/h" stays whole.
     */
    private static final Pattern SLASH = Pattern.compile("(?<=\\p{L}{2})/(?=\\p{L}{2})");

    /** One alternative as tsquery syntax: a quoted lexeme, or several AND-ed for a multi-word expansion. */
    private static String term(String text) {
        List<String> parts = new ArrayList<>();
        for (String w : text.split(" ")) {
            String clean = w.replaceAll("[^\\p{L}\\p{N}/&.-]", "");
            for (String part : SLASH.split(clean)) {
                if (!part.isEmpty()) {
                    parts.add("'" + part + "'");
                }
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        return parts.size() == 1 ? parts.getFirst() : "(" + String.join(" & ", parts) + ")";
    }
}
