package dev.faultline.security;

import dev.faultline.db.DatabaseUnavailable;
import dev.faultline.error.Problem;
import dev.faultline.error.ProblemMapper;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What a request without usable credentials gets where it needs them: a page redirects to the sign-in page (saying
 * when a session ended), the API answers 401 problem+json saying what was wrong with the credentials sent, and
 * either answers 503 with Retry-After when the credentials could not be checked because the database is down.
 */
public class Challenges {

    private final CurrentVertxRequest current;

    Challenges(CurrentVertxRequest current) {
        this.current = current;
    }

    @ServerExceptionMapper(priority = 1)
    public Response unauthorized(UnauthorizedException e) {
        RoutingContext context = current.getCurrent();
        AuthMechanism.Refusal refusal = context.get(AuthMechanism.REFUSAL);
        boolean api = AuthMechanism.isApi(context);
        if (refusal == AuthMechanism.Refusal.DATABASE_DOWN) {
            return Response.status(503).header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS)
                    .type(api ? ProblemMapper.PROBLEM_JSON : "text/plain")
                    .entity(api ? Problem.of(503, "Service unavailable", "The database cannot be reached right now;"
                            + " try again in a few seconds", List.of())
                            : "The database cannot be reached right now; try again in a few seconds.")
                    .build();
        }
        if (!api) {
            String ended = refusal == AuthMechanism.Refusal.SESSION_ENDED ? "&ended=1" : "";
            // relative, as the challenge always was (JAX-RS would make location() absolute)
            return Response.status(302).header("Location", "/login?next="
                    + URLEncoder.encode(context.request().uri(), StandardCharsets.UTF_8) + ended).build();
        }
        String detail = refusal == AuthMechanism.Refusal.KEY_UNKNOWN ? "The API key is unknown or revoked"
                : refusal == AuthMechanism.Refusal.SESSION_ENDED ? "Your session has ended; sign in again"
                : "Sign in, or send a valid API key as 'Authorization: Bearer <key>'";
        return Response.status(401).header("WWW-Authenticate", "Bearer realm=\"faultline\"")
                .type(ProblemMapper.PROBLEM_JSON).entity(Problem.of(401, "Unauthorized", detail, List.of())).build();
    }
}
