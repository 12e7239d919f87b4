package dev.faultline.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Headers on every answer, pages and API alike: a Content-Security-Policy that allows only the app's own scripts
 * and styles (no inline script, no framing), {@code nosniff}, {@code X-Frame-Options: DENY}, a referrer policy,
 * and {@code Strict-Transport-Security} when the request came over TLS ({@code faultline.security.hsts}).
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
            + " frame-ancestors 'none'";
    // Quarkus' bundled Swagger UI starts itself with an inline script
    static final String SWAGGER_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none';"
            + " base-uri 'self'; frame-ancestors 'none'";

    // digest mails shown in the browser (preview, outbox, period report) carry the inline styles mail clients need;
    // they never contain script
    static final String MAIL_CSP = "default-src 'none'; script-src 'none'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final java.util.regex.Pattern MAIL_PATHS = java.util.regex.Pattern.compile(
            "/digests/\\d+/preview|/digests/outbox/\\d+|/api/v1/digests/subscriptions/\\d+/preview|/reports/period");

    private final SecurityConfig config;

    SecurityHeaders(SecurityConfig config) {
        this.config = config;
    }

    void register(@Observes Filters filters) {
        filters.register(this::add, 1000);
    }

    private void add(RoutingContext context) {
        context.addHeadersEndHandler(v -> {
            MultiMap headers = context.response().headers();
            String path = context.normalizedPath();
            headers.set("Content-Security-Policy", path.startsWith("/q/swagger-ui") ? SWAGGER_CSP
                    : MAIL_PATHS.matcher(path).matches() ? MAIL_CSP : CSP);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "same-origin");
            if (hsts(context)) {
                headers.set("Strict-Transport-Security", "max-age=" + config.hstsMaxAge().toSeconds());
            }
        });
        context.next();
    }

    private boolean hsts(RoutingContext context) {
        return switch (config.hsts()) {
            case "always" -> true;
            case "never" -> false;
            default -> context.request().isSSL() || "https".equalsIgnoreCase(context.request().scheme())
                    || "https".equalsIgnoreCase(context.request().getHeader("X-Forwarded-Proto"));
        };
    }
}
