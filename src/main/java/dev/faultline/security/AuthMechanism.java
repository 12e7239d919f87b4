package dev.faultline.security;

import dev.faultline.db.DatabaseUnavailable;
import dev.faultline.error.Unavailable;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Reads {@code Authorization: Bearer <key>} (integrations) or the session cookie (browsers). Credentials that do
 * not hold (an ended session, an unknown key) leave the request anonymous, so open pages (sign-in, health, the API
 * document) still answer; where anonymous is not enough, {@code /api} answers 401 problem+json saying why and
 * pages redirect to the sign-in page. An ended session's cookie is cleared, so a browser never bounces between a
 * page and the sign-in page. When the database cannot be reached the answer is 503 with Retry-After.
 */
@ApplicationScoped
public class AuthMechanism implements HttpAuthenticationMechanism {

    public static final String SESSION_COOKIE = "faultline_session";
    /** Why the request's credentials did not hold: {@link Refusal}. */
    static final String REFUSAL = "faultline.refusal";
    private static final Logger LOG = Logger.getLogger(AuthMechanism.class);

    enum Refusal {
        SESSION_ENDED, KEY_UNKNOWN, DATABASE_DOWN
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String authorization = context.request().getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return anonymousUnless(context, identities.authenticate(
                    new Credentials.BearerKey(authorization.substring(7).strip())), Refusal.KEY_UNKNOWN);
        }
        Cookie session = context.request().getCookie(SESSION_COOKIE);
        if (session != null && !session.getValue().isBlank()) {
            return anonymousUnless(context, identities.authenticate(new Credentials.SessionCookie(session.getValue())),
                    Refusal.SESSION_ENDED);
        }
        return Uni.createFrom().optional(java.util.Optional.empty());
    }

    private static Uni<SecurityIdentity> anonymousUnless(RoutingContext context, Uni<SecurityIdentity> identity,
            Refusal refusal) {
        return identity.onFailure().recoverWithItem(e -> {
            if (DatabaseUnavailable.is(e)) {
                LOG.warnf("credentials not checked: the database cannot be reached (%s)", e.getMessage());
                context.put(REFUSAL, Refusal.DATABASE_DOWN);
            } else if (e instanceof AuthenticationFailedException) {
                context.put(REFUSAL, refusal);
                if (refusal == Refusal.SESSION_ENDED && context.request().method() == HttpMethod.GET) {
                    // the sign-in form's POST sets a fresh cookie itself; never two Set-Cookie for one name
                    context.response().addCookie(Cookie.cookie(SESSION_COOKIE, "").setPath("/").setMaxAge(0)
                            .setHttpOnly(true));
                }
            } else {
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
            return null;
        });
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (isApi(context)) {
            return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer realm=\"faultline\""));
        }
        String next = context.request().uri();
        String ended = context.get(REFUSAL) == Refusal.SESSION_ENDED ? "&ended=1" : "";
        return Uni.createFrom().item(new ChallengeData(302, "Location",
                "/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8) + ended));
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        Refusal refusal = context.get(REFUSAL);
        if (refusal == Refusal.DATABASE_DOWN) {
            Unavailable.send(context, isApi(context));
            return Uni.createFrom().item(true);
        }
        if (!isApi(context)) {
            return HttpAuthenticationMechanism.super.sendChallenge(context);
        }
        String detail = refusal == Refusal.KEY_UNKNOWN ? "The API key is unknown or revoked"
                : refusal == Refusal.SESSION_ENDED ? "Your session has ended; sign in again"
                : "Sign in, or send a valid API key as 'Authorization: Bearer <key>'";
        context.response()
                .setStatusCode(401)
                .putHeader("WWW-Authenticate", "Bearer realm=\"faultline\"")
                .putHeader("Content-Type", "application/problem+json")
                .end("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                        + "\"detail\":\"" + detail + "\",\"errors\":[]}");
        return Uni.createFrom().item(true);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(Credentials.BearerKey.class, Credentials.SessionCookie.class);
    }

    static boolean isApi(RoutingContext context) {
        String path = context.normalizedPath();
        return path.startsWith("/api/") || path.startsWith("/q/");
    }
}
