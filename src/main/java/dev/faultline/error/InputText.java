package dev.faultline.error;

/**
 * The one rule for characters in input: no control characters, except tabs and line breaks in free text
 * (record text, titles, field values, questions). NUL in particular cannot be stored by PostgreSQL.
 */
public final class InputText {

    private InputText() {}

    /** Why the value cannot be accepted, or null when it can. */
    public static String problem(String value, boolean freeText) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean control = c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0);
            if (control && !(freeText && (c == '\t' || c == '\n' || c == '\r'))) {
                return String.format("contains the control character U+%04X at position %d%s", (int) c, i + 1,
                        c == 0 ? " (NUL cannot be stored)" : freeText ? "" : "; line breaks and tabs are not allowed here");
            }
        }
        return null;
    }

    /** Throws a 400 naming {@code field} when the value has a character it may not hold. */
    public static String check(String field, String value, boolean freeText) {
        String problem = problem(value, freeText);
        if (problem != null) {
            throw ProblemException.badRequest(FieldError.of(field, problem));
        }
        return value;
    }
}
