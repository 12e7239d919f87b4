package dev.faultline.security;

import dev.faultline.error.FieldError;
import dev.faultline.error.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * CSRF protection for signed-in browsers: every form carries the session's token (synchronizer token), and
 * a state-changing {@code /api} call made with the session cookie must send it as {@code X-CSRF-Token}.
 * Calls with an API key need none (a browser never sends a key by itself).
 */
@ApplicationScoped
public class CsrfGuard {

    private final SecurityIdentity current;

    CsrfGuard(SecurityIdentity current) {
        this.current = current;
    }

    public static final String FORM_FIELD = "csrf-token";
    public static final String HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    /** Checks a form's token against the session; a key-authenticated request passes. */
    public void check(SecurityIdentity identity, String token) {
        if ("session".equals(identity.getAttribute(AuthService.KIND))
                && !Tokens.same(token, identity.getAttribute(AuthService.CSRF))) {
            throw refused();
        }
    }

    @ServerRequestFilter
    public void api(ContainerRequestContext request) {
        SecurityIdentity identity = current;
        if (!SAFE.contains(request.getMethod())
                && request.getUriInfo().getPath().startsWith("/api/")
                && "session".equals(identity.getAttribute(AuthService.KIND))
                && !Tokens.same(request.getHeaderString(HEADER), identity.getAttribute(AuthService.CSRF))) {
            throw refused();
        }
    }

    static ProblemException refused() {
        return new ProblemException(403, "Forbidden",
                "The form's security token is missing or out of date; reload the page and try again",
                List.of(FieldError.of(FORM_FIELD, "missing or wrong")));
    }
}
