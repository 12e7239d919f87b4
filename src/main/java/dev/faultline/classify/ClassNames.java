package dev.faultline.classify;

import java.util.Properties;

/**
 * The failure modes and defect classes by name in a reader's language: stored and sent in English (the API's
 * values), shown in Chinese to a Chinese reader (classify/labels_zh.properties). A class a site added without a
 * translation is shown as written.
 */
public final class ClassNames {

    private static final Properties ZH = dev.faultline.i18n.Resources.properties("classify/labels_zh.properties");

    private ClassNames() {
    }

    /** A class name in a language ("en", "zh"). */
    public static String in(String label, String language) {
        if (label == null || !"zh".equals(language)) {
            return label;
        }
        return ZH.getProperty(label, label);
    }
}
