package dev.faultline.ticketing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.error.FieldError;
import dev.faultline.error.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A ticket's parts as read from an event payload through the integration's mapping. */
record Ticket(String key, String title, String description, String resolution, String comment, String created,
        String updated, String asset, String site) {

    /** Reads the parts; a missing key, or neither title nor description, is a 422 naming where it was looked for. */
    static Ticket read(JsonNode body, Map<String, String> mapping) {
        List<FieldError> errors = new ArrayList<>();
        String key = text(body, mapping.get("key"));
        if (key == null || key.length() > 200) {
            errors.add(FieldError.of(field(mapping.get("key")), "is required: the ticket's key (at most 200 characters)"));
        }
        Ticket t = new Ticket(key, text(body, mapping.get("title")), text(body, mapping.get("description")),
                text(body, mapping.get("resolution")), text(body, mapping.get("comment")),
                time(text(body, mapping.get("created"))), time(text(body, mapping.get("updated"))),
                text(body, mapping.get("asset")), text(body, mapping.get("site")));
        if (t.title() == null && t.description() == null) {
            errors.add(FieldError.of(field(mapping.get("title")), "is required (or " + field(mapping.get("description"))
                    + "): the ticket needs a text"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return t;
    }

    /** The text at a JSON pointer: a string, a number, or the words of an Atlassian Document Format node. */
    static String text(JsonNode body, String pointer) {
        if (pointer == null || pointer.isBlank()) {
            return null;
        }
        JsonNode n = body.at(pointer.startsWith("/") ? pointer : "/" + pointer);
        if (n.isMissingNode() || n.isNull()) {
            return null;
        }
        String s = n.isValueNode() ? n.asText() : adf(n);
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The words of an ADF document (Jira Cloud's rich text), a paragraph a line. */
    private static String adf(JsonNode n) {
        StringBuilder sb = new StringBuilder();
        walk(n, sb);
        return sb.toString();
    }

    private static void walk(JsonNode n, StringBuilder sb) {
        if (n.has("text") && n.get("text").isTextual()) {
            sb.append(n.get("text").asText());
        }
        n.path("content").forEach(child -> walk(child, sb));
        if ("paragraph".equals(n.path("type").asText()) && !sb.isEmpty()) {
            sb.append('\n');
        }
    }

    /** Jira writes offsets as +0000 and ServiceNow a space before the time: ISO-8601 for the record. */
    private static String time(String t) {
        return t == null ? null : t.replaceFirst("^(\\d{4}-\\d{2}-\\d{2}) (\\d)", "$1T$2")
                .replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2");
    }

    private static String field(String pointer) {
        return pointer == null ? "key" : pointer.replaceFirst("^/", "").replace('/', '.');
    }
}
