package dev.faultline.error;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One problem with one input field. {@code field} is a path into the request ({@code records[3].text}) or a
 * column of an uploaded file; {@code line} is the file line, when the input is a file.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String field, Long line, String reason) {

    public static FieldError of(String field, String reason) {
        return new FieldError(field, null, reason);
    }

    public static FieldError atLine(long line, String field, String reason) {
        return new FieldError(field, line, reason);
    }
}
