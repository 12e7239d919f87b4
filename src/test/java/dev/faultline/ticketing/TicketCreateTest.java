package dev.faultline.ticketing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.faultline.Api;
import dev.faultline.Json;
import dev.faultline.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Create ticket" against WireMock stubs of Jira Cloud REST v3 (POST /rest/api/3/issue: 201 {id, key, self}) and
 * the ServiceNow Table API (POST /api/now/table/incident: 201 {result:{sys_id, number}}), written from their public
 * API documentation, and each failure a person must be told about.
 */
@QuarkusTest
class TicketCreateTest {

    static final String JIRA = "/jira/rest/api/3/issue";
    static final String SN = "/sn/api/now/table/incident";

    @Inject
    TestDatabase db;

    WireMockServer wire;
    Api.Session tech;
    long recordId;

    @BeforeEach
    void setUp() {
        db.clear();
        db.execute("DELETE FROM created_tickets");
        wire = new WireMockServer(WireMockConfiguration.options().port(8898).bindAddress("127.0.0.1"));
        wire.start();
        tech = Api.user("ticket-tech-" + Api.RUN, "technician");
        recordId = Api.given().contentType(ContentType.JSON)
                .body(Json.batch(Json.record("TK-1", "Feed pump seal leaking at drive end"))).post("/api/v1/records")
                .then().statusCode(200).extract().jsonPath().getLong("results[0].id");
    }

    @AfterEach
    void tearDown() {
        wire.stop();
    }

    private io.restassured.response.ValidatableResponse raise(Map<String, Object> body) {
        return tech.given().header("X-CSRF-Token", tech.csrf()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/tickets").then();
    }

    @Test
    void aJiraIssueFromARecordCarriesItsTextInAdfAndIsLinkedBack() {
        wire.stubFor(post(urlEqualTo(JIRA)).withBasicAuth("bot@plant.example", "test-token")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"10000\",\"key\":\"MNT-24\",\"self\":\"http://x/rest/api/3/issue/10000\"}")));
        raise(Map.of("recordId", recordId, "system", "jira")).statusCode(201)
                .body("key", org.hamcrest.Matchers.equalTo("MNT-24"))
                .body("url", org.hamcrest.Matchers.equalTo("http://127.0.0.1:8898/jira/browse/MNT-24"));
        wire.verify(postRequestedFor(urlEqualTo(JIRA))
                .withRequestBody(matchingJsonPath("$.fields.project.key", equalTo("MNT")))
                .withRequestBody(matchingJsonPath("$.fields.issuetype.name", equalTo("Task")))
                .withRequestBody(matchingJsonPath("$.fields.summary", equalTo(
                        "[Faultline] PUMP-7: Feed pump seal leaking at drive end")))
                .withRequestBody(matchingJsonPath("$.fields.description.type", equalTo("doc")))
                .withRequestBody(matchingJsonPath("$.fields.description.content[0].content[0].text",
                        com.github.tomakehurst.wiremock.client.WireMock.containing("replaced seal"))));
        tech.given().get("/api/v1/tickets/records/" + recordId).then().statusCode(200)
                .body("[0].key", org.hamcrest.Matchers.equalTo("MNT-24"));
        tech.given().get("/records/" + recordId).then().statusCode(200)
                .body(containsString("href=\"http://127.0.0.1:8898/jira/browse/MNT-24\""));
    }

    @Test
    void aServiceNowIncidentWithBasicAuth() {
        wire.stubFor(post(urlEqualTo(SN)).withBasicAuth("faultline", "test-password")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"result\":{\"sys_id\":\"9d385017c611228701d22104cc95c371\",\"number\":\"INC0010024\"}}")));
        raise(Map.of("recordId", recordId, "system", "servicenow")).statusCode(201)
                .body("key", org.hamcrest.Matchers.equalTo("INC0010024"));
        wire.verify(postRequestedFor(urlEqualTo(SN))
                .withRequestBody(matchingJsonPath("$.short_description", com.github.tomakehurst.wiremock.client.WireMock
                        .containing("Feed pump seal leaking")))
                .withRequestBody(matchingJsonPath("$.description", com.github.tomakehurst.wiremock.client.WireMock
                        .containing("/records/" + recordId))));
    }

    @Test
    void eachFailureIsToldPlainlyAndNothingIsKept() {
        wire.stubFor(post(urlEqualTo(JIRA)).willReturn(aResponse().withStatus(401)));
        raise(Map.of("recordId", recordId, "system", "jira")).statusCode(502)
                .body("detail", containsString("faultline.tickets.jira.email and .api-token"));
        wire.stubFor(post(urlEqualTo(JIRA)).willReturn(aResponse().withStatus(404)));
        raise(Map.of("recordId", recordId, "system", "jira")).statusCode(502)
                .body("detail", containsString("project MNT"));
        wire.stubFor(post(urlEqualTo(JIRA)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));
        raise(Map.of("recordId", recordId, "system", "jira")).statusCode(503).header("Retry-After", "30")
                .body("detail", containsString("try again in 30 s"));
        wire.stubFor(post(urlEqualTo(SN)).willReturn(aResponse().withStatus(503)));
        raise(Map.of("recordId", recordId, "system", "servicenow")).statusCode(502)
                .body("detail", containsString("ServiceNow failed (HTTP 503)"));
        wire.stubFor(post(urlEqualTo(SN)).willReturn(aResponse().withStatus(201).withFixedDelay(3000)));
        raise(Map.of("recordId", recordId, "system", "servicenow")).statusCode(504)
                .body("detail", containsString("did not answer within 2 s"));
        raise(Map.of("recordId", recordId, "system", "remedy")).statusCode(422)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("system"));
        raise(Map.of("recordId", recordId, "asset", "PUMP-7")).statusCode(422);
        assertEquals(0, db.count("SELECT count(*) FROM created_tickets"));
    }
}
