package dev.faultline.ticketing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a ticket's parts are in each kind's payload, as JSON pointers; an integration's own mapping overrides
 * any of them. Parts: key, title, description, resolution, comment, created, updated, asset, site.
 */
final class Mappings {

    static final List<String> PARTS = List.of("key", "title", "description", "resolution", "comment", "created",
            "updated", "asset", "site");

    private static final Map<String, Map<String, String>> DEFAULTS = Map.of(
            // Jira Cloud webhooks: jira:issue_created / jira:issue_updated / comment_created
            "jira", Map.of("key", "/issue/key", "title", "/issue/fields/summary", "description",
                    "/issue/fields/description", "resolution", "/issue/fields/resolution/description", "comment",
                    "/comment/body", "created", "/issue/fields/created", "updated", "/issue/fields/updated", "asset",
                    "/issue/fields/components/0/name", "site", "/issue/fields/project/name"),
            // a ServiceNow outbound REST message with the incident's or work order's fields at the top level
            "servicenow", Map.of("key", "/number", "title", "/short_description", "description", "/description",
                    "resolution", "/close_notes", "comment", "/comments", "created", "/sys_created_on", "updated",
                    "/sys_updated_on", "asset", "/cmdb_ci", "site", "/location"),
            "generic", Map.of("key", "/key", "title", "/title", "description", "/text", "resolution", "/resolution",
                    "comment", "/comment", "created", "/occurredAt", "updated", "/updatedAt", "asset", "/asset",
                    "site", "/site"));

    private Mappings() {}

    static Map<String, String> of(String kind, Map<String, String> own) {
        Map<String, String> m = new LinkedHashMap<>(DEFAULTS.get(kind));
        if (own != null) {
            m.putAll(own);
        }
        return m;
    }

    static boolean knownKind(String kind) {
        return DEFAULTS.containsKey(kind);
    }
}
