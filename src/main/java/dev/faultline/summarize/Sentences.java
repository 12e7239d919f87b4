package dev.faultline.summarize;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits maintenance text into sentences: at . ! ? ; followed by space, at Chinese and full-width 。！？； (no
 * space follows them), and at line breaks; but not inside numbers ("1.5 mm") or common shorthand with dots ("R.H.",
 * "approx."). Fragments under 3 letters are dropped.
 */
public final class Sentences {

    private static final Pattern END = Pattern.compile(
            "(?<=[.!?;])\\s+(?=\\S)|(?<=[。！？；])\\s*(?=\\S)|\\s*[\\r\\n]+\\s*");
    private static final Pattern LETTERS = Pattern.compile("\\p{L}.*\\p{L}.*\\p{L}", Pattern.DOTALL);

    private Sentences() {}

    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        StringBuilder pending = new StringBuilder();
        for (String piece : END.split(text.strip())) {
            pending.append(pending.isEmpty() ? "" : " ").append(piece.strip());
            // keep abbreviations such as "approx." or "R.H." with what follows
            if (piece.matches(".*\\b(approx|ref|no|p/n|\\p{Lu})\\.$")) {
                continue;
            }
            add(out, pending.toString());
            pending.setLength(0);
        }
        add(out, pending.toString());
        return out;
    }

    private static void add(List<String> out, String sentence) {
        String s = sentence.strip();
        if (LETTERS.matcher(s).find()) {
            out.add(s);
        }
    }
}
