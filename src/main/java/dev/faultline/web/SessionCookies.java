package dev.faultline.web;

import dev.faultline.security.AuthMechanism;
import dev.faultline.security.SecurityConfig;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.UriInfo;

/** The session cookie: HttpOnly, SameSite=Lax, Secure behind TLS. */
final class SessionCookies {

    private SessionCookies() {}

    static NewCookie session(String token, SecurityConfig config, HttpHeaders headers, UriInfo uri) {
        boolean secure = switch (config.secureCookie()) {
            case "always" -> true;
            case "never" -> false;
            default -> "https".equalsIgnoreCase(headers.getHeaderString("X-Forwarded-Proto"))
                    || "https".equalsIgnoreCase(uri.getRequestUri().getScheme());
        };
        return new NewCookie.Builder(AuthMechanism.SESSION_COOKIE)
                .value(token)
                .path("/")
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.LAX)
                .maxAge((int) config.sessionMaxAge().toSeconds())
                .build();
    }

    static NewCookie clear() {
        return new NewCookie.Builder(AuthMechanism.SESSION_COOKIE).value("").path("/").maxAge(0).httpOnly(true).build();
    }
}
