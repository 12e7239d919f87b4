package dev.faultline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every English message of the interface has its Chinese translation, with at least the English placeholders and
 * only the method's parameters: a page in Chinese never falls back to English words, and a translation never drops
 * or invents a value.
 */
class MessageBundlesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z_]\\w*)[^}]*}|%\\d");

    @ParameterizedTest
    @ValueSource(classes = { AppMessages.class, FindMessages.class, PlantMessages.class, AdminMessages.class,
        dev.faultline.ask.AskMessages.class, dev.faultline.digest.DigestMessages.class })
    void everyMessageHasAChineseTranslation(Class<?> bundle) throws Exception {
        String name = bundle.getAnnotation(MessageBundle.class).value();
        Properties zh = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("messages/" + name + "_zh.properties")) {
            assertTrue(in != null, "messages/" + name + "_zh.properties missing");
            zh.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        List<String> problems = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>();
        for (Method m : bundle.getDeclaredMethods()) {
            Message english = m.getAnnotation(Message.class);
            if (english == null) {
                continue;
            }
            keys.add(m.getName());
            String chinese = zh.getProperty(m.getName());
            if (chinese == null || chinese.isBlank()) {
                problems.add(m.getName() + ": no translation");
            } else {
                TreeSet<String> said = placeholders(english.value());
                TreeSet<String> allowed = new TreeSet<>(said);
                for (java.lang.reflect.Parameter p : m.getParameters()) {
                    allowed.add(p.getName());
                }
                TreeSet<String> translated = placeholders(chinese);
                if (!translated.containsAll(said) || !allowed.containsAll(translated)) {
                    problems.add(m.getName() + ": placeholders " + said + " vs " + translated);
                }
            }
        }
        for (String extra : zh.stringPropertyNames()) {
            if (!keys.contains(extra)) {
                problems.add(extra + ": translated but not in " + bundle.getSimpleName());
            }
        }
        assertEquals(List.of(), problems, name + " bundle");
    }

    private static TreeSet<String> placeholders(String message) {
        TreeSet<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(message);
        while (m.find()) {
            String group = m.group(1);
            if (group == null) {
                found.add(m.group());
            } else if (!List.of("else", "is", "when", "if", "let", "for", "each", "case").contains(group)) {
                found.add(group);
            }
        }
        return found;
    }
}
