package dev.faultline.digest;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Renders a digest (HTML for mail clients: table layout, inline CSS, no script; and a plain-text alternative) and
 * sends it with the one-click unsubscribe headers of RFC 8058.
 */
@ApplicationScoped
class DigestMail {

    @CheckedTemplate(basePath = "DigestMail")
    static class Templates {
        static native TemplateInstance digest(Digest d, boolean web);

        static native TemplateInstance digestText(Digest d);
    }

    private final Mailer mailer;
    private final DigestConfig config;

    DigestMail(Mailer mailer, DigestConfig config) {
        this.mailer = mailer;
        this.config = config;
    }

    DeliveryRepository.Content render(Digest d) {
        return new DeliveryRepository.Content(d.title(), in(Templates.digest(d, false), d).render(),
                in(Templates.digestText(d), d).render());
    }

    /** The digest as a web page: the same content with a print style sheet (the printable period report). */
    String page(Digest d) {
        return in(Templates.digest(d, true), d).render();
    }

    /** The mail's words ({@code dig:}) in the digest's language, whoever asked for it. */
    private static TemplateInstance in(TemplateInstance mail, Digest d) {
        return mail.setLocale(java.util.Locale.forLanguageTag(d.language()));
    }

    /**
     * Sends over SMTP. The Message-ID is the delivery's, so a mail sent again after a crash (between the server's
     * acceptance and our commit) is recognisably the same message.
     */
    void send(DeliveryView delivery, DeliveryRepository.Content content, String unsubscribeUrl) {
        Mail mail = Mail.withHtml(delivery.recipient(), content.subject(), content.html())
                .setText(content.plain())
                .setFrom(config.from())
                .addHeader("Message-ID", messageId(delivery.id()))
                .addHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
                .addHeader("Auto-Submitted", "auto-generated");
        mailer.send(mail);
    }

    String messageId(long delivery) {
        String host = java.net.URI.create(config.publicUrl()).getHost();
        return "<digest-" + delivery + "@" + (host == null ? "faultline" : host) + ">";
    }
}
