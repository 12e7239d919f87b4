package dev.faultline.error;

import java.util.List;

/** RFC 9457 problem details, the body of every error answer under {@code /api}. */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static Problem of(int status, String title, String detail, List<FieldError> errors) {
        return new Problem("about:blank", title, status, detail, errors);
    }
}
