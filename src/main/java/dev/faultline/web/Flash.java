package dev.faultline.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A one-time message shown on the page after a redirect ("Record saved"). Carried in a short-lived cookie,
 * shown once ({@code {inject:flash.message}}) and then cleared.
 */
@Named("flash")
@RequestScoped
public class Flash {

    static final String COOKIE = "faultline_flash";

    private final HttpHeaders headers;

    Flash(HttpHeaders headers) {
        this.headers = headers;
    }

    public String message() {
        Cookie c = headers.getCookies().get(COOKIE);
        return c == null ? null : URLDecoder.decode(c.getValue(), StandardCharsets.UTF_8);
    }

    /** The cookie to attach to a redirect. */
    static NewCookie set(String message) {
        return new NewCookie.Builder(COOKIE)
                .value(URLEncoder.encode(message, StandardCharsets.UTF_8))
                .path("/")
                .maxAge(60)
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX)
                .build();
    }

    /** Clears the message once a page has been rendered with it. */
    @ServerResponseFilter
    public void clear(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getCookies().containsKey(COOKIE) && response.getStatus() == 200
                && response.getMediaType() != null && "html".equals(response.getMediaType().getSubtype())) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE,
                    new NewCookie.Builder(COOKIE).value("").path("/").maxAge(0).build());
        }
    }
}
