package dev.faultline.web;

import dev.faultline.record.RecordKind;
import io.quarkus.qute.TemplateExtension;

/** Display helpers for templates; those that depend on the interface language are in {@link LocalFormats}. */
@TemplateExtension
public class Formats {

    /** The lines of a text, for one paragraph each. */
    static java.util.List<String> paragraphs(String text) {
        return text == null ? java.util.List.of() : java.util.List.of(text.split("\n"));
    }

    /** A probability or similarity (0 to 1) as a whole percentage, the one format of the pages ("83%"). */
    @TemplateExtension(namespace = "fmt")
    static String percent(Object p) {
        return p instanceof Number n ? Math.round(n.doubleValue() * 100) + "%" : "";
    }

    /** A share already in percent (0 to 100), in the same format ("42%"). */
    @TemplateExtension(namespace = "fmt")
    static String pct(Object p) {
        return p instanceof Number n ? Math.round(n.doubleValue()) + "%" : "";
    }

    /** {@code {fmt:query(q)}}: a value for a URL query, encoded (empty for none: a namespace function takes null). */
    @TemplateExtension(namespace = "fmt")
    static String query(String value) {
        return value == null ? "" : java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** {@code {asset.id.pathSegment}}: an id as one URL path segment ("/", "#", "?" and spaces encoded). */
    static String pathSegment(String id) {
        return id == null ? "" : java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    /** {@code {fmt:days(d)}}: days to one decimal. */
    @TemplateExtension(namespace = "fmt")
    static String days(double d) {
        return String.format(java.util.Locale.ROOT, "%.1f", d);
    }

    /** "Maintenance log" for "maintenance_log". */
    static String kindLabel(String code) {
        return RecordKind.fromCode(code).map(RecordKind::label).orElse(code);
    }

    /** The first {@code max} characters, on a word boundary, with an ellipsis. */
    static String abbreviate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max);
        return text.substring(0, cut > max / 2 ? cut : max) + "…";
    }
}
