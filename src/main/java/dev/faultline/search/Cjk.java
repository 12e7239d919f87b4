package dev.faultline.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chinese, Japanese and Korean words as the full-text index holds them (migration V26, {@code
 * faultline_cjk_bigrams}): a run of CJK characters becomes its overlapping character bigrams, a lone character stays
 * itself, and the other parts of a word ("DB2" in "DB2数据库") stay words. The character ranges are the SQL
 * function's, so a query's words meet the index's.
 */
public final class Cjk {

    private static final String RANGES = "\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uac00-\\ud7af\\uf900-\\ufaff";
    private static final Pattern ANY = Pattern.compile("[" + RANGES + "]");
    private static final Pattern PARTS = Pattern.compile("([" + RANGES + "]+)|([^" + RANGES + "]+)");
    /**
     * A numbered unit as Chinese plants write it: "5#加工中心", "15#注塑机" (number, #, the unit's name); also the
     * positions of {@link NearDuplicates#positions}.
     */
    static final Pattern UNIT = Pattern.compile("(?<![\\p{N}.])(\\d{1,3})\\s*#\\s*([" + RANGES + "]{2})");

    private Cjk() {}

    /**
     * Whether the text is written in a CJK script: at least a fifth of its letters (as records are given a language,
     * {@link dev.faultline.ingest.ScriptLanguage}), so one Chinese word in an English question leaves it English.
     */
    public static boolean written(String text) {
        return dev.faultline.ingest.ScriptLanguage.of(null, text) != null;
    }

    /** Whether the text holds a Chinese, Japanese or Korean character. */
    public static boolean has(String text) {
        return text != null && ANY.matcher(text).find();
    }

    /**
     * A query's keyword groups with each numbered unit's number ("5" of "5#加工中心") bound to the first two
     * characters of its name as a phrase ({@code '5' <-> '加工'}: the index holds "5#加工中心" as 5, 加工, 工中, 中心 in
     * a row). Alone, the number matches every record with a 5 in it, and "5#加工中心" finds every machining centre.
     */
    static List<String> units(String query, List<String> groups) {
        List<String> out = new ArrayList<>(groups);
        Matcher m = UNIT.matcher(query);
        while (m.find()) {
            int at = out.indexOf("'" + m.group(1) + "'");
            if (at >= 0) {
                out.set(at, "('" + m.group(1) + "' <-> '" + m.group(2) + "')");
            }
        }
        return out;
    }

    /** One whitespace-free word as index words: bigrams of its CJK runs, its other parts as they are. */
    static List<String> split(String word) {
        List<String> out = new ArrayList<>();
        Matcher m = PARTS.matcher(word);
        while (m.find()) {
            String run = m.group(1);
            if (run == null) {
                out.add(m.group(2));
            } else if (run.codePointCount(0, run.length()) == 1) {
                out.add(run);
            } else {
                for (int i = 0; i + 1 < run.length(); i++) {
                    out.add(run.substring(i, i + 2));
                }
            }
        }
        return out;
    }
}
