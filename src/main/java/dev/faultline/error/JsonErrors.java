package dev.faultline.error;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.regex.Pattern;

/** Turns Jackson's exceptions into a field path and a reason a person can act on. */
public final class JsonErrors {

    // Jackson's "[Source: REDACTED (...); line: 1, column: 13]" noise, minus the useful line and column
    private static final Pattern SOURCE = Pattern.compile("Source: REDACTED \\([^)]*\\); ");

    private JsonErrors() {}

    /** @param line the file line, or null for a request body */
    public static FieldError describe(JsonProcessingException e, Long line) {
        if (e instanceof JsonMappingException m) {
            return new FieldError(path(m), line, reason(m));
        }
        JsonLocation at = e.getLocation();
        String where = at == null || line != null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return new FieldError("body", line, "malformed JSON" + where + ": " + firstLine(e.getOriginalMessage()));
    }

    private static String reason(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "'";
        }
        if (e instanceof InvalidFormatException f) {
            return "cannot read '" + f.getValue() + "' as " + f.getTargetType().getSimpleName();
        }
        if (e instanceof MismatchedInputException && !(e.getCause() instanceof JsonParseException)) {
            return "wrong type or shape: " + firstLine(e.getOriginalMessage());
        }
        // a syntax error (truncated body, invalid UTF-8) met while reading this field
        return "malformed JSON: " + firstLine(e.getOriginalMessage());
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(ref.getFieldName());
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        String first = nl < 0 ? message : message.substring(0, nl);
        return SOURCE.matcher(first).replaceAll("");
    }
}
