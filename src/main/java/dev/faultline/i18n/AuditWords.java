package dev.faultline.i18n;

import java.util.Properties;

/**
 * The audit log's action codes ("webhook.secret_rotated") and kinds of thing ("api_key") as the audit page shows
 * them: in Chinese from {@code i18n/audit_zh.properties}, in English as written with spaces for underscores. The log
 * stores and filters by the code.
 */
public final class AuditWords {

    private static final Properties ZH = Resources.properties("i18n/audit_zh.properties");

    private AuditWords() {}

    public static String in(String code, String language) {
        if (code == null) {
            return null;
        }
        String english = code.replace('_', ' ');
        return "zh".equals(language) ? ZH.getProperty(code, english) : english;
    }

    static boolean known(String code) {
        return ZH.containsKey(code);
    }
}
