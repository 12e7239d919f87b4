package dev.faultline.ticketing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.error.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Raises a ticket in Jira (REST v3, description in Atlassian Document Format) or ServiceNow (Table API). */
@ApplicationScoped
class TicketSystems {

    /** What the system answered: its key and a link for people. */
    record Raised(String key, String url) {}

    private final TicketHttp http;
    private final TicketConfig config;
    private volatile String oauthToken;
    private volatile Instant oauthUntil = Instant.EPOCH;

    TicketSystems(TicketHttp http, TicketConfig config) {
        this.http = http;
        this.config = config;
    }

    List<String> configured() {
        List<String> systems = new ArrayList<>();
        config.jira().baseUrl().ifPresent(u -> systems.add("jira"));
        config.servicenow().baseUrl().ifPresent(u -> systems.add("servicenow"));
        return systems;
    }

    Raised raise(String system, TicketDraft d) {
        return system.equals("jira") ? jira(d) : serviceNow(d);
    }

    private Raised jira(TicketDraft d) {
        var j = config.jira();
        String base = j.baseUrl().orElseThrow().replaceFirst("/+$", "");
        List<Object> content = d.paragraphs().stream().map(p -> (Object) Map.of("type", "paragraph", "content",
                List.of(Map.of("type", "text", "text", p)))).toList();
        Map<String, Object> body = Map.of("fields", Map.of("project", Map.of("key", j.projectKey()), "issuetype",
                Map.of("name", j.issueType()), "summary", d.summary(), "description",
                Map.of("type", "doc", "version", 1, "content", content)));
        String auth = Base64.getEncoder().encodeToString((j.email().orElse("") + ":" + j.apiToken().orElse(""))
                .getBytes(StandardCharsets.UTF_8));
        JsonNode r = http.send(HttpRequest.newBuilder(URI.create(base + "/rest/api/3/issue"))
                .header("Authorization", "Basic " + auth).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(http.write(body))),
                "Jira", "project " + j.projectKey() + " or issue type " + j.issueType() + " not found"
                        + " (faultline.tickets.jira.project-key, .issue-type, .base-url)",
                "faultline.tickets.jira.email and .api-token");
        String key = r.path("key").asText(null);
        if (key == null) {
            throw new ProblemException(502, "Bad gateway", "Jira created no issue key", List.of());
        }
        return new Raised(key, base + "/browse/" + key);
    }

    private Raised serviceNow(TicketDraft d) {
        var s = config.servicenow();
        String base = s.baseUrl().orElseThrow().replaceFirst("/+$", "");
        Map<String, Object> body = Map.of("short_description", d.summary(), "description", d.plain());
        JsonNode r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/now/table/" + s.table()))
                .header("Authorization", serviceNowAuth(base)).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(http.write(body))),
                "ServiceNow", "table " + s.table() + " not found (faultline.tickets.servicenow.table, .base-url)",
                "faultline.tickets.servicenow.username/.password or .client-id/.client-secret");
        JsonNode result = r.path("result");
        String number = result.path("number").asText(null);
        if (number == null) {
            throw new ProblemException(502, "Bad gateway", "ServiceNow created no record number", List.of());
        }
        return new Raised(number, base + "/nav_to.do?uri=" + s.table() + ".do?sys_id="
                + result.path("sys_id").asText(""));
    }

    private String serviceNowAuth(String base) {
        var s = config.servicenow();
        if (s.clientId().isEmpty()) {
            return "Basic " + Base64.getEncoder().encodeToString((s.username().orElse("") + ":"
                    + s.password().orElse("")).getBytes(StandardCharsets.UTF_8));
        }
        if (oauthToken == null || Instant.now().isAfter(oauthUntil)) {
            String form = "grant_type=client_credentials&client_id=" + enc(s.clientId().get()) + "&client_secret="
                    + enc(s.clientSecret().orElse(""));
            JsonNode t = http.send(HttpRequest.newBuilder(URI.create(base + "/oauth_token.do"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)), "ServiceNow",
                    "its OAuth endpoint /oauth_token.do was not found", "faultline.tickets.servicenow.client-id/.client-secret");
            oauthToken = t.path("access_token").asText();
            oauthUntil = Instant.now().plusSeconds(Math.max(60, t.path("expires_in").asLong(1800)) - 30);
        }
        return "Bearer " + oauthToken;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
