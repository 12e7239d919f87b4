package dev.faultline.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The audit page's words: every action code and kind of thing the code writes has a Chinese name. */
class AuditWordsTest {

    @Test
    void codesReadAsWordsInBothLanguages() {
        assertEquals("更换 Webhook 密钥", AuditWords.in("webhook.secret_rotated", "zh"));
        assertEquals("webhook.secret rotated", AuditWords.in("webhook.secret_rotated", "en"));
        assertEquals("API 密钥", AuditWords.in("api_key", "zh"));
        assertEquals("something new", AuditWords.in("something_new", "zh"), "unknown codes as written");
    }

    @Test
    void everyCodeTheAppWritesHasAChineseName() throws IOException {
        // audit.record(actor, "action", "kind", …) with literal codes; a ternary's two codes both count
        Pattern call = Pattern.compile("audit\\.record\\([^;]*?;", Pattern.DOTALL);
        Pattern literal = Pattern.compile("\"([a-z_.]+)\"");
        TreeSet<String> missing = new TreeSet<>();
        List<String> seen = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = call.matcher(Files.readString(f));
                while (m.find()) {
                    // the action and the kind come before the entity id and the details map
                    String head = m.group().split("String\\.valueOf|Long\\.toString|Map\\.of|, name,|, site,|, t\\.key")[0];
                    Matcher l = literal.matcher(head);
                    while (l.find()) {
                        seen.add(l.group(1));
                        if (!AuditWords.known(l.group(1)) && !l.group(1).equals("system")) {
                            missing.add(l.group(1));
                        }
                    }
                }
            }
        }
        assertEquals(new TreeSet<>(), missing, "seen: " + seen);
    }
}
