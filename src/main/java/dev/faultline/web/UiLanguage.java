package dev.faultline.web;

import dev.faultline.security.AuthService;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Locale;

/**
 * The interface language of this request ({@code {inject:lang.tag}}): the signed-in user's own choice, else the
 * language cookie (a choice made before signing in), else the best of the browser's Accept-Language that the app
 * speaks (English or Chinese), else English. Pages render their message bundles in it ({@link PageLocale}).
 */
@Named("lang")
@RequestScoped
public class UiLanguage {

    static final String COOKIE = "faultline_lang";
    /** The languages the interface speaks, the first the default. */
    public static final List<String> SUPPORTED = List.of("en", "zh");

    private final HttpHeaders headers;
    private final SecurityIdentity identity;
    private final HttpServerRequest request;
    private String code;

    UiLanguage(HttpHeaders headers, SecurityIdentity identity, HttpServerRequest request) {
        this.headers = headers;
        this.identity = identity;
        this.request = request;
    }

    /** Where the language switch goes back to: this page, or the start page after a form was sent. */
    public String here() {
        return request.method() == HttpMethod.GET ? request.uri() : "/";
    }

    /** "en" or "zh". */
    public String code() {
        if (code == null) {
            code = resolve();
        }
        return code;
    }

    /** The language tag for {@code <html lang>}: "en" or "zh-CN". */
    public String tag() {
        return zh() ? "zh-CN" : "en";
    }

    public boolean zh() {
        return "zh".equals(code());
    }

    public Locale locale() {
        return zh() ? Locale.CHINESE : Locale.ENGLISH; // "zh", as the bundles are localized (msg_zh.properties)
    }

    /** A message bundle in this request's language, for words a page class writes (flash messages, errors). */
    public <T> T bundle(Class<T> type) {
        return dev.faultline.i18n.Bundles.in(type, code());
    }

    /** What a page says of a refused request, in this request's language ({@link dev.faultline.i18n.Reasons#of}). */
    public String problem(dev.faultline.error.ProblemException e) {
        return dev.faultline.i18n.Reasons.of(e, code());
    }

    /** A sentence a service wrote in English, in this request's language. */
    public String reason(String english) {
        return dev.faultline.i18n.Reasons.in(english, code());
    }

    /** A supported language code for a user's choice or a header value, or null. */
    public static String supported(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(value),
                    SUPPORTED.stream().map(Locale::forLanguageTag).toList());
            return best == null ? null : best.getLanguage();
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private String resolve() {
        Object chosen = identity.getAttribute(AuthService.LANGUAGE);
        if (chosen != null) {
            return chosen.toString();
        }
        Cookie cookie = headers.getCookies().get(COOKIE);
        String fromCookie = cookie == null ? null : supported(cookie.getValue());
        if (fromCookie != null) {
            return fromCookie;
        }
        String fromHeader = supported(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        return fromHeader == null ? SUPPORTED.getFirst() : fromHeader;
    }
}
