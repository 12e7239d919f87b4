package dev.faultline.error;

import com.fasterxml.jackson.core.JsonParseException;
import dev.faultline.db.DatabaseUnavailable;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place that turns exceptions into HTTP answers: {@code application/problem+json} under {@code /api},
 * an error page everywhere else. Never shows class names or stack traces.
 */
public class ProblemMapper {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String title, String detail);
    }

    @ServerExceptionMapper(priority = 1)
    public Response problem(ProblemException e, UriInfo uri) {
        Response r = answer(uri, e.status(), e.title(), e.getMessage(), e.errors());
        return e instanceof RetryLater later
                ? Response.fromResponse(r).header("Retry-After", later.seconds()).build() : r;
    }

    /** A record field that a Java-level check missed: never a 500 for the caller's characters. */
    private static final java.util.Set<String> BAD_CHARACTERS = java.util.Set.of("22021", "22P05");

    @ServerExceptionMapper(priority = 1)
    public Response json(JsonProcessingException e, UriInfo uri) {
        FieldError error = JsonErrors.describe(e, null);
        if (e.getCause() instanceof JsonErrors.InvalidText) {
            // well-formed JSON holding a string no field may hold: invalid content, like any other bad field
            return answer(uri, 422, "Invalid input", error.field() + ": " + error.reason(), List.of(error));
        }
        String title = error.field().equals("body") ? "Malformed JSON" : "Unreadable JSON";
        return answer(uri, 400, title, error.field() + ": " + error.reason(), List.of(error));
    }

    // the same, declared for the specific types Quarkus maps by default, so ours wins
    @ServerExceptionMapper(priority = 1)
    public Response jsonSyntax(JsonParseException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response jsonShape(MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        if (e.getCause() instanceof JsonProcessingException json) {
            // Quarkus wraps syntax errors (malformed JSON, invalid UTF-8) in a plain 400
            return json(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status == 404 && unconvertible(e)) {
            // JAX-RS answers 404 when a path or query parameter cannot be converted (".../records/abc")
            return answer(uri, 400, "Bad request", "A path or query parameter is not a whole number", List.of(
                    FieldError.of(uri.getPathParameters().isEmpty() ? "query" : "path", "must be a whole number")));
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail =
                switch (status) {
                    case 404 -> "There is nothing at " + uri.getPath();
                    case 405 -> "This method is not allowed on " + uri.getPath();
                    case 415 -> "Content type '" + headers.getMediaType() + "' is not accepted here";
                    case 406 -> "None of the accepted response types can be produced here";
                    case 413 -> "The request body is too large";
                    default -> status >= 500 ? "The server could not answer this request" : title;
                };
        List<FieldError> errors = status == 415 ? List.of(FieldError.of("Content-Type", detail)) : List.of();
        return answer(uri, status, title, detail, errors);
    }

    @ServerExceptionMapper(priority = 1)
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        return answer(uri, 403, "Forbidden", "Your role does not allow this", List.of());
    }

    @ServerExceptionMapper(priority = 10)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (DatabaseUnavailable.is(e)) {
            LOG.warnf("%s: the database cannot be reached (%s)", uri.getPath(), e.getMessage());
            return Response.fromResponse(answer(uri, 503, Unavailable.TITLE, Unavailable.DETAIL, List.of()))
                    .header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS).build();
        }
        if (sqlState(e) != null && BAD_CHARACTERS.contains(sqlState(e))) {
            return answer(uri, 400, "Bad request", "The request holds a character that cannot be stored (NUL or an"
                    + " invalid byte sequence)", List.of(FieldError.of("body", "remove control characters")));
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error on %s (reference %s)", uri.getPath(), reference);
        return answer(uri, 500, "Internal error", "Something went wrong on our side (reference " + reference + ")",
                List.of());
    }

    private static boolean unconvertible(Throwable e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IllegalArgumentException) { // NumberFormatException too
                return true;
            }
        }
        return false;
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static Response answer(UriInfo uri, int status, String title, String detail, List<FieldError> errors) {
        if (isHtml(uri)) {
            return Response.status(status)
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.error(status, title, detail))
                    .build();
        }
        return Response.status(status)
                .type(PROBLEM_JSON)
                .entity(Problem.of(status, title, detail, errors))
                .build();
    }

    private static boolean isHtml(UriInfo uri) {
        String path = uri.getPath();
        return !path.startsWith("/api/") && !path.startsWith("/q/");
    }
}
