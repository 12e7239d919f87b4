package dev.faultline.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.common.headers.HeaderUtil;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * An Accept-Language header nobody can read ({@code ;;q=x,}) is dropped, as if not sent: Quarkus's template
 * handling reads it for every page and would otherwise answer any page with a 500.
 */
public class AcceptLanguageGuard {

    @ServerRequestFilter(preMatching = true)
    public void dropUnreadableLanguages(ContainerRequestContext request) {
        if (request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE) == null) {
            return;
        }
        try {
            HeaderUtil.getAcceptableLanguages(request.getHeaders());
        } catch (RuntimeException unreadable) {
            request.getHeaders().remove(HttpHeaders.ACCEPT_LANGUAGE);
        }
    }
}
