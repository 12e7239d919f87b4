package dev.faultline.error;

import java.util.List;

/**
 * Base of every exception that becomes an HTTP answer with a message meant for the caller. The mapper turns it
 * into {@code application/problem+json}; nothing else about the exception (class, stack) is shown.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final transient List<FieldError> errors;

    public ProblemException(int status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** 400: the request cannot be read (malformed file, bad parameter). */
    public static ProblemException badRequest(FieldError error) {
        return new ProblemException(400, "Bad request", describe(error), List.of(error));
    }

    /** 422: the request was read but its content is invalid; lists every invalid field. */
    public static ProblemException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? describe(errors.getFirst())
                : errors.size() + " invalid fields; nothing was written. First: " + describe(errors.getFirst());
        return new ProblemException(422, "Invalid input", detail, errors);
    }

    /** 413: the body is larger than the configured limit. */
    public static ProblemException tooLarge(String what, long limitBytes, String configKey) {
        return new ProblemException(
                413,
                "Payload too large",
                what + " is larger than the limit of " + limitBytes + " bytes (" + configKey + ")",
                List.of());
    }

    /** 404 for a thing looked up by id. */
    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "Not found", what + " " + id + " does not exist", List.of());
    }

    private static String describe(FieldError e) {
        return (e.line() != null ? "line " + e.line() + ", " : "") + e.field() + ": " + e.reason();
    }
}
