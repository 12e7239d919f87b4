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
            return "cannot read '" + f.getValue() + "' as " + expected(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m && !(e.getCause() instanceof JsonParseException)) {
            return m.getTargetType() == null ? "has the wrong type or shape"
                    : "has the wrong type: expected " + expected(m.getTargetType());
        }
        if (e.getCause() instanceof InvalidText t) {
            return t.getMessage();
        }
        // a syntax error (truncated body, invalid UTF-8) met while reading this field
        return "malformed JSON: " + firstLine(e.getOriginalMessage());
    }

    /** What a Java type is called in JSON terms, for people who never saw the Java side. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "text";
        }
        if (type == int.class || type == long.class || type == short.class || type == Integer.class
                || type == Long.class || type == Short.class || type == java.math.BigInteger.class) {
            return "a whole number";
        }
        if (type.isPrimitive() && type != boolean.class || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return "an object";
    }

    /** Thrown while reading a JSON string that no field may hold (a NUL or a lone surrogate). */
    public static final class InvalidText extends RuntimeException {
        public InvalidText(String reason) {
            super(reason, null, false, false);
        }
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
