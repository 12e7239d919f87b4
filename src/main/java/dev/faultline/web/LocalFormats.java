package dev.faultline.web;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import io.quarkus.qute.TemplateInstance;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Template helpers that follow the page's interface language (its {@code locale} attribute, set by
 * {@link PageLocale}): dates and class names. English pages keep ISO dates ({@code 2024-03-01 08:15 UTC});
 * Chinese pages get {@code 2024年3月1日 08:15 UTC} and the Chinese names of the taxonomy classes. (The same
 * {@code fmt} namespace as {@link Formats}, one priority above it: Qute asks one resolver after the other.)
 */
@TemplateExtension(namespace = "fmt", priority = TemplateExtension.DEFAULT_PRIORITY + 1)
public class LocalFormats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter ZH_DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final DateTimeFormatter ZH_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private LocalFormats() {
    }

    /**
     * {@code {fmt:date(r.occurredAt)}}: {@code 2024-03-01 08:15 UTC}; just the date when the time is midnight
     * (date-only sources); a dash when unknown (a namespace function, so a null value is fine).
     */
    static String date(OffsetDateTime t, @TemplateAttribute(TemplateInstance.LOCALE) Object locale) {
        if (t == null) {
            return "—";
        }
        boolean zh = zh(locale);
        OffsetDateTime utc = t.withOffsetSameInstant(ZoneOffset.UTC);
        if (utc.toLocalTime().toSecondOfDay() == 0) {
            return utc.format(zh ? ZH_DATE : DATE);
        }
        return utc.format(zh ? ZH_DATE_TIME : DATE_TIME) + " UTC";
    }

    /** {@code {fmt:instant(t)}}: an instant as {@link #date}. */
    static String instant(Instant t, @TemplateAttribute(TemplateInstance.LOCALE) Object locale) {
        return t == null ? "—" : date(t.atOffset(ZoneOffset.UTC), locale);
    }

    /** {@code {fmt:day(d)}}: a calendar day, {@code 2024-03-01} or {@code 2024年3月1日}. */
    static String day(java.time.LocalDate d, @TemplateAttribute(TemplateInstance.LOCALE) Object locale) {
        return d == null ? "—" : d.format(zh(locale) ? ZH_DATE : DATE);
    }

    /** {@code {fmt:label(r.faultClass)}}: a failure mode or defect class in the page's language (as stored for English). */
    static String label(String label, @TemplateAttribute(TemplateInstance.LOCALE) Object locale) {
        return dev.faultline.classify.ClassNames.in(label, zh(locale) ? "zh" : "en");
    }

    /**
     * {@code {fmt:reason(p.reason)}}: a sentence a service wrote in English (why an asset is at risk, why a row or an
     * import failed) in the page's language, through {@link dev.faultline.i18n.Reasons}.
     */
    static String reason(String text, @TemplateAttribute(TemplateInstance.LOCALE) Object locale) {
        return text == null ? "" : dev.faultline.i18n.Reasons.in(text, zh(locale) ? "zh" : "en");
    }

    /** {@code {fmt:audit(e.action)}}: an audit action code or kind of thing in the page's language. */
    static String audit(String code, @TemplateAttribute(TemplateInstance.LOCALE) Object locale) {
        return dev.faultline.i18n.AuditWords.in(code, zh(locale) ? "zh" : "en");
    }

    static boolean zh(Object locale) {
        if (locale instanceof Locale l) {
            return "zh".equals(l.getLanguage());
        }
        return locale != null && locale.toString().startsWith("zh");
    }
}
