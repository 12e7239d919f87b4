package dev.faultline.digest;

import io.quarkus.qute.TemplateExtension;
import java.util.Locale;

/** {@code {dig:summary.caps}}: a heading of the plain-text mail in capitals (Chinese has none and stays as it is). */
@TemplateExtension
final class MailText {

    private MailText() {}

    static String caps(String heading) {
        return heading.toUpperCase(Locale.ROOT);
    }
}
