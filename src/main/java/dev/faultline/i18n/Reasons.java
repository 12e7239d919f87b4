package dev.faultline.i18n;

import dev.faultline.error.FieldError;
import dev.faultline.error.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sentences the services write in English (the REST API's language), in a page's language: why an input was
 * refused, why an asset is at risk, why an import failed, an LLM's notice. A page in Chinese shows them through
 * {@code i18n/reasons_zh.tsv}, whose lines are the English text with {0}, {1}… for the values in it and the Chinese
 * with the same values. A sentence with no line stays English.
 */
public final class Reasons {

    private record Line(Pattern english, String chinese) {}

    private static final Pattern SLOT = Pattern.compile("\\{(\\d)}");
    private static final List<Line> ZH = load("i18n/reasons_zh.tsv");

    private Reasons() {}

    /** One reason or problem detail in {@code language} ("zh" or anything else for English). */
    public static String in(String reason, String language) {
        return in(reason, language, false);
    }

    private static String in(String reason, String language, boolean nested) {
        if (reason == null || !"zh".equals(language)) {
            return reason;
        }
        for (Line line : ZH) {
            Matcher m = line.english().matcher(reason);
            if (m.matches()) {
                String out = line.chinese();
                for (int g = 1; g <= m.groupCount(); g++) {
                    // a value may itself be a sentence of the table ("line 3, file: is not valid UTF-8 …")
                    out = out.replace("{" + (g - 1) + "}", nested ? m.group(g) : in(m.group(g), language, true));
                }
                return out;
            }
        }
        return reason;
    }

    /**
     * What a page says of a refused request: its detail when the table knows it, else its first field's reason
     * ("第 3 行，text：必填"; with more fields, how many), else the English detail.
     */
    public static String of(ProblemException e, String language) {
        String detail = in(e.getMessage(), language);
        if (!"zh".equals(language) || !detail.equals(e.getMessage()) || e.errors().isEmpty()) {
            return detail;
        }
        FieldError first = e.errors().getFirst();
        String one = (first.line() == null ? "" : "第 " + first.line() + " 行，") + first.field() + "："
                + in(first.reason(), language);
        return e.errors().size() == 1 ? one : e.errors().size() + " 个字段无效，未写入任何内容。第一个：" + one;
    }

    private static List<Line> load(String resource) {
        List<Line> lines = new ArrayList<>();
        try (InputStream in = Reasons.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            for (String row : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (row.isBlank() || row.startsWith("#")) {
                    continue;
                }
                String[] parts = row.split("\t", -1);
                if (parts.length != 2) {
                    throw new IllegalStateException(resource + ": not two columns: " + row);
                }
                lines.add(new Line(pattern(parts[0]), parts[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(lines);
    }

    /** The English text as a pattern: its words literal, each {n} any text. */
    static Pattern pattern(String english) {
        StringBuilder regex = new StringBuilder();
        Matcher m = SLOT.matcher(english);
        int at = 0;
        while (m.find()) {
            regex.append(Pattern.quote(english.substring(at, m.start()))).append("(.*?)");
            at = m.end();
        }
        regex.append(Pattern.quote(english.substring(at)));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
