package dev.faultline.error;

import dev.faultline.db.DatabaseUnavailable;
import io.vertx.ext.web.RoutingContext;

/**
 * The answer while the database cannot be reached, for the layers that answer before JAX-RS does (sign-in
 * checks): 503 with Retry-After, problem+json for the API and a short page for browsers.
 */
public final class Unavailable {

    static final String TITLE = "Service unavailable";
    static final String DETAIL = "The database cannot be reached right now; try again in a few seconds";

    private Unavailable() {}

    public static void send(RoutingContext context, boolean api) {
        var response = context.response().setStatusCode(503)
                .putHeader("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        if (api) {
            response.putHeader("Content-Type", ProblemMapper.PROBLEM_JSON)
                    .end("{\"type\":\"about:blank\",\"title\":\"" + TITLE + "\",\"status\":503,\"detail\":\""
                            + DETAIL + "\",\"errors\":[]}");
        } else {
            response.putHeader("Content-Type", "text/html; charset=UTF-8")
                    .end("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + TITLE
                            + "</title><link rel=\"stylesheet\" href=\"/static/app.css\"></head><body><main>"
                            + "<h1>503 · " + TITLE + "</h1><p>" + DETAIL + ".</p></main></body></html>");
        }
    }
}
