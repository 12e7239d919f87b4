package dev.faultline.ticketing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.faultline.Api;
import dev.faultline.Json;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ServiceNow with OAuth client credentials: a token from /oauth_token.do (grant_type=client_credentials), sent as a
 * bearer token and kept until it expires, so two tickets fetch it once.
 */
@QuarkusTest
@TestProfile(TicketOAuthProfileTest.OAuth.class)
class TicketOAuthProfileTest {

    public static class OAuth implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("faultline.tickets.servicenow.client-id", "faultline-client",
                    "faultline.tickets.servicenow.client-secret", "s3cret",
                    "faultline.tickets.jira.base-url", "");
        }
    }

    @Test
    void fetchesATokenOnceAndSendsItAsBearer() {
        WireMockServer wire = new WireMockServer(WireMockConfiguration.options().port(8898).bindAddress("127.0.0.1"));
        wire.start();
        try {
            wire.stubFor(post(urlEqualTo("/sn/oauth_token.do"))
                    .withRequestBody(containing("grant_type=client_credentials"))
                    .withRequestBody(containing("client_id=faultline-client"))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody("{\"access_token\":\"tok-123\",\"token_type\":\"Bearer\",\"expires_in\":1799}")));
            wire.stubFor(post(urlEqualTo("/sn/api/now/table/incident")).withHeader("Authorization", equalTo("Bearer tok-123"))
                    .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                            .withBody("{\"result\":{\"sys_id\":\"abc\",\"number\":\"INC0010031\"}}")));
            long id = Api.given().contentType(ContentType.JSON).body(Json.batch(Json.record("OA-1", "valve stuck open")))
                    .post("/api/v1/records").then().statusCode(200).extract().jsonPath().getLong("results[0].id");
            Api.Session tech = Api.user("oauth-tech-" + Api.RUN, "technician");
            for (int i = 0; i < 2; i++) {
                tech.given().header("X-CSRF-Token", tech.csrf()).contentType(ContentType.JSON)
                        .body(Map.of("recordId", id)).post("/api/v1/tickets").then().statusCode(201)
                        .body("system", org.hamcrest.Matchers.equalTo("servicenow"))
                        .body("key", org.hamcrest.Matchers.equalTo("INC0010031"));
            }
            wire.verify(1, postRequestedFor(urlEqualTo("/sn/oauth_token.do")));
            wire.verify(2, postRequestedFor(urlEqualTo("/sn/api/now/table/incident")));
        } finally {
            wire.stop();
        }
    }
}
