package dev.faultline.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The failure modes and defect classes by name in a reader's language: stored and sent in English (the API's
 * values), shown in Chinese to a Chinese reader (classify/labels_zh.properties). A class a site added without a
 * translation is shown as written.
 */
public final class ClassNames {

    private static final Properties ZH = load("classify/labels_zh.properties");

    private ClassNames() {
    }

    /** A class name in a language ("en", "zh"). */
    public static String in(String label, String language) {
        if (label == null || !"zh".equals(language)) {
            return label;
        }
        return ZH.getProperty(label, label);
    }

    private static Properties load(String resource) {
        Properties labels = new Properties();
        try (InputStream in = ClassNames.class.getClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                labels.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return labels;
    }
}
