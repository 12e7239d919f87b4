package dev.faultline.ticketing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Ticketing systems Faultline raises tickets in ("Create ticket"). A system is used only when its base URL is set;
 * credentials come from the environment.
 */
@ConfigMapping(prefix = "faultline.tickets")
public interface TicketConfig {

    /** Time-out of one call to a ticketing system. */
    @WithDefault("10s")
    Duration timeout();

    Jira jira();

    ServiceNow servicenow();

    /** Jira Cloud (REST v3) with an API token. */
    interface Jira {
        /** e.g. https://plant.atlassian.net (env FAULTLINE_JIRA_URL); unset: no Jira. */
        Optional<String> baseUrl();

        /** The account the API token belongs to (env FAULTLINE_JIRA_EMAIL). */
        Optional<String> email();

        /** The API token (env FAULTLINE_JIRA_API_TOKEN). */
        Optional<String> apiToken();

        /** The project new issues go to. */
        @WithDefault("MNT")
        String projectKey();

        /** The issue type of new issues. */
        @WithDefault("Task")
        String issueType();
    }

    /** ServiceNow (Table API) with basic auth or OAuth client credentials. */
    interface ServiceNow {
        /** e.g. https://plant.service-now.com (env FAULTLINE_SERVICENOW_URL); unset: no ServiceNow. */
        Optional<String> baseUrl();

        /** The table new tickets go to. */
        @WithDefault("incident")
        String table();

        /** Basic auth (env FAULTLINE_SERVICENOW_USERNAME / _PASSWORD); or the OAuth client below. */
        Optional<String> username();

        Optional<String> password();

        /** OAuth client credentials (env FAULTLINE_SERVICENOW_CLIENT_ID / _CLIENT_SECRET), token from /oauth_token.do. */
        Optional<String> clientId();

        Optional<String> clientSecret();
    }
}
