package dev.faultline.ask;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the [n] citations of an answer and checks that each names a retrieved record. */
final class Citations {

    private static final Pattern CITE = Pattern.compile("\\[(\\d{1,6}(?:\\s*,\\s*\\d{1,6})*)]");

    /** The cited numbers in order of first use; {@code invalid} holds the first that was not retrieved. */
    record Checked(Set<Integer> cited, Integer invalid) {
        boolean ok() {
            return invalid == null && !cited.isEmpty();
        }
    }

    private Citations() {}

    /** The text without its [n] citations. */
    static String strip(String answer) {
        return CITE.matcher(answer).replaceAll("").strip();
    }

    static Checked check(String answer, int retrieved) {
        Set<Integer> cited = new LinkedHashSet<>();
        Integer invalid = null;
        Matcher m = CITE.matcher(answer);
        while (m.find()) {
            for (String n : m.group(1).split(",")) {
                int i = Integer.parseInt(n.strip());
                if (i < 1 || i > retrieved) {
                    invalid = invalid == null ? i : invalid;
                } else {
                    cited.add(i);
                }
            }
        }
        return new Checked(cited, invalid);
    }
}
