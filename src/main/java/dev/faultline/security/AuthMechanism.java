package dev.faultline.security;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Reads {@code Authorization: Bearer <key>} (integrations) or the session cookie (browsers). Without either the
 * request is anonymous; where that is not enough, {@code /api} answers 401 problem+json and pages redirect to
 * the sign-in page.
 */
@ApplicationScoped
public class AuthMechanism implements HttpAuthenticationMechanism {

    public static final String SESSION_COOKIE = "faultline_session";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String authorization = context.request().getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return identities.authenticate(new Credentials.BearerKey(authorization.substring(7).strip()));
        }
        Cookie session = context.request().getCookie(SESSION_COOKIE);
        if (session != null && !session.getValue().isBlank()) {
            return identities.authenticate(new Credentials.SessionCookie(session.getValue()));
        }
        return Uni.createFrom().optional(java.util.Optional.empty());
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (isApi(context)) {
            return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer realm=\"faultline\""));
        }
        String next = context.request().uri();
        return Uni.createFrom().item(new ChallengeData(302, "Location",
                "/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        if (!isApi(context)) {
            return HttpAuthenticationMechanism.super.sendChallenge(context);
        }
        context.response()
                .setStatusCode(401)
                .putHeader("WWW-Authenticate", "Bearer realm=\"faultline\"")
                .putHeader("Content-Type", "application/problem+json")
                .end("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                        + "\"detail\":\"Sign in, or send a valid API key as 'Authorization: Bearer <key>'\",\"errors\":[]}");
        return Uni.createFrom().item(true);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(Credentials.BearerKey.class, Credentials.SessionCookie.class);
    }

    private static boolean isApi(RoutingContext context) {
        String path = context.normalizedPath();
        return path.startsWith("/api/") || path.startsWith("/q/");
    }
}
