package dev.faultline.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.error.FieldError;
import dev.faultline.error.ProblemException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Refusal reasons in Chinese for the pages (i18n/reasons_zh.tsv); the API and English pages keep the English. */
class ReasonsTest {

    private static final Path TABLE = Path.of("src/main/resources/i18n/reasons_zh.tsv");

    @Test
    void aReasonIsTranslatedWithItsValuesKept() {
        assertEquals("长度为 250 个字符；最多 200 个", Reasons.in("is 250 characters long; at most 200", "zh"));
        assertEquals("“fuzzy”：请使用 hybrid、semantic 或 keyword",
                Reasons.in("'fuzzy': use hybrid, semantic or keyword", "zh"));
        assertEquals("必填", Reasons.in("is required", "zh"));
        assertEquals("is required", Reasons.in("is required", "en"));
        assertEquals("预测剩余寿命 12 ≤ 30（默认阈值）", Reasons.in("predicted RUL 12 ≤ 30 (default threshold)", "zh"));
        assertEquals("故障风险 64% ≥ 50%（turbofan 的阈值）",
                Reasons.in("failure risk 64 % ≥ 50 % (threshold for turbofan)", "zh"));
    }

    @Test
    void aValueThatIsItselfASentenceOfTheTableIsTranslatedToo() {
        assertEquals("第 3 行，occurredAt：“x”是将来的时间", Reasons.in("line 3, occurredAt: 'x' is in the future", "zh"));
        assertEquals("第 3 行，file：something odd", Reasons.in("line 3, file: something odd", "zh"));
        assertEquals("LLM 服务器没有给出回答（无法连接到它）；以下是抽取式回答。",
                Reasons.in("The LLM server gave no answer (it could not be reached); this is the extractive answer.", "zh"));
        assertEquals("LLM 的回答中有 1 句未显示：它没有引用任何记录。",
                Reasons.in("1 sentence of the LLM's answer is not shown: it cites no record.", "zh"));
    }

    @Test
    void theMoreSpecificLineWinsOverAShorterOneThatAlsoMatches() {
        assertEquals("第 5 个字符是控制字符 U+0000（无法保存 NUL）",
                Reasons.in("contains the control character U+0000 at position 5 (NUL cannot be stored)", "zh"));
        assertEquals("第 5 个字符是控制字符 U+0007",
                Reasons.in("contains the control character U+0007 at position 5", "zh"));
        assertEquals("须晚于开始日期，且最多晚一年", Reasons.in("must be after 'from', at most a year later", "zh"));
    }

    @Test
    void aReasonWithNoLineStaysInEnglish() {
        assertEquals("is shaped like a teapot", Reasons.in("is shaped like a teapot", "zh"));
    }

    @Test
    void aRefusedRequestIsDescribedByItsFirstFieldWithItsLine() {
        ProblemException one = ProblemException.invalid(List.of(FieldError.atLine(3, "text", "is required")));
        assertEquals("第 3 行，text：必填", Reasons.of(one, "zh"));
        assertEquals("line 3, text: is required", Reasons.of(one, "en"));
        ProblemException two = ProblemException.invalid(List.of(FieldError.of("text", "is required"),
                FieldError.of("kind", "unknown kind 'x'; use one of [a, b]")));
        assertEquals("2 个字段无效，未写入任何内容。第一个：text：必填", Reasons.of(two, "zh"));
    }

    @Test
    void everyLineHasTheSamePlaceholdersInBothLanguagesAndChineseWords() throws IOException {
        for (String[] line : lines()) {
            assertEquals(slots(line[0]), slots(line[1]), line[0]);
            assertTrue(line[1].codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    line[1]);
        }
    }

    /** A line whose English no longer appears in the code is stale: the service now says something else. */
    @Test
    void everyLinesEnglishIsStillWrittenSomewhereInTheCode() throws IOException {
        StringBuilder code = new StringBuilder();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                // joined as the compiler joins "a" + "b": the literals' text only
                Matcher m = Pattern.compile("\"((?:[^\"\\\\\n]++|\\\\.)*+)\"").matcher(Files.readString(f));
                while (m.find()) {
                    // a format's %s, %.0f, %d are values, as {0} in the table
                    code.append(m.group(1).replaceAll("%[-.0-9]*[sdf]", "\u0001")).append('\u0000');
                }
            }
        }
        String literals = code.toString().replace("\u0000", "");
        List<String> stale = new ArrayList<>();
        for (String[] line : lines()) {
            for (String piece : line[0].split("\\{\\d}")) {
                // brackets and quotes around a value are often literals of their own: "(" + why + ")"
                String words = piece.replaceAll("^[\\s()'\"]+|[\\s()'\"]+$", "");
                // each literal piece must be in the code, whole or in two parts ("' is not a " + (… ? "…" : "…"))
                if (words.length() >= 4 && !written(words, literals)) {
                    stale.add(line[0]);
                }
            }
        }
        assertEquals(List.of(), stale);
    }

    private static boolean written(String words, String literals) {
        if (literals.contains(words)) {
            return true;
        }
        for (int i = 3; i < words.length() - 3; i++) {
            if (literals.contains(words.substring(0, i)) && literals.contains(words.substring(i))) {
                return true;
            }
        }
        return false;
    }

    private static List<String[]> lines() throws IOException {
        return Files.readAllLines(TABLE, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t", -1)).toList();
    }

    private static Set<String> slots(String text) {
        Set<String> slots = new TreeSet<>();
        Matcher m = Pattern.compile("\\{\\d}").matcher(text);
        while (m.find()) {
            slots.add(m.group());
        }
        return slots;
    }
}
