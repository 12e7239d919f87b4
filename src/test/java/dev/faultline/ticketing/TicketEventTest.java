package dev.faultline.ticketing;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.faultline.Api;
import dev.faultline.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ticket events in from Jira, ServiceNow and the generic shape, signed, mapped to records, idempotent. */
@QuarkusTest
class TicketEventTest {

    @Inject
    TestDatabase db;

    Api.Session admin;

    @Inject
    dev.faultline.TestIndex index;

    @BeforeEach
    void setUp() {
        db.clear();
        db.execute("DELETE FROM integrations");
        admin = Api.login("admin", Api.ADMIN_PASSWORD);
    }

    private String integration(String name, Map<String, Object> body) {
        return admin.given().header("X-CSRF-Token", admin.csrf()).contentType(ContentType.JSON).body(body)
                .put("/api/v1/integrations/" + name).then().statusCode(200).extract().path("secret");
    }

    static String hmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private ValidatableResponse jira(String secret, String body) throws Exception {
        return RestAssured.given().contentType(ContentType.JSON).header("X-Hub-Signature", hmac(secret, body))
                .body(body).post("/api/v1/integrations/jira-plant/events").then();
    }

    static String issue(String event, String updated, String resolution, String comment) {
        return """
                {"webhookEvent":"%s","issue":{"key":"MNT-42","fields":{"summary":"Feed pump P-101 seal leaking",
                 "description":{"type":"doc","version":1,"content":[{"type":"paragraph","content":[
                   {"type":"text","text":"Mechanical seal weeping at the drive end."}]}]},
                 "created":"2026-11-30T08:00:00.000+0000","updated":"%s","customfield_10050":"P-101",
                 "project":{"name":"Plant A"}%s}}%s}"""
                .formatted(event, updated, resolution == null ? ""
                        : ",\"resolution\":{\"name\":\"Done\",\"description\":\"" + resolution + "\"}",
                        comment == null ? "" : ",\"comment\":{\"id\":\"10001\",\"body\":\"" + comment + "\"}");
    }

    @Test
    void jiraIssuesBecomeRecordsUpdatedInOrderAndReplaysChangeNothing() throws Exception {
        String secret = integration("jira-plant", Map.of("kind", "jira", "baseUrl", "https://plant.atlassian.net",
                "mapping", Map.of("asset", "/issue/fields/customfield_10050")));
        long id = jira(secret, issue("jira:issue_created", "2026-11-30T08:00:00.000+0000", null, null))
                .statusCode(200).body("status", equalTo("created")).body("ticketKey", equalTo("MNT-42"))
                .extract().jsonPath().getLong("recordId");
        Api.given().get("/api/v1/records/" + id).then().statusCode(200).body("kind", equalTo("work_order"))
                .body("source", equalTo("jira-plant")).body("externalId", equalTo("MNT-42"))
                .body("asset.id", equalTo("P-101")).body("asset.site", equalTo("Plant A"))
                .body("title", equalTo("Feed pump P-101 seal leaking"))
                .body("text", equalTo("Mechanical seal weeping at the drive end."))
                .body("occurredAt", equalTo("2026-11-30T08:00:00Z"))
                .body("fields.ticket_url", equalTo("https://plant.atlassian.net/browse/MNT-42"));
        jira(secret, issue("jira:issue_created", "2026-11-30T08:00:00.000+0000", null, null)).statusCode(200)
                .body("status", equalTo("unchanged"));
        jira(secret, issue("jira:issue_updated", "2026-11-30T10:00:00.000+0000", "Replaced the seal", null))
                .statusCode(200).body("status", equalTo("updated")).body("recordId", equalTo((int) id));
        jira(secret, issue("jira:issue_updated", "2026-11-30T09:00:00.000+0000", null, null)).statusCode(200)
                .body("status", equalTo("stale"));
        jira(secret, issue("comment_created", "2026-11-30T11:00:00.000+0000", "Replaced the seal",
                "Leak gone after 2 h run")).statusCode(200).body("status", equalTo("updated"));
        Api.given().get("/api/v1/records/" + id).then().body("fields.resolution", equalTo("Replaced the seal"))
                .body("fields.last_comment", equalTo("Leak gone after 2 h run"))
                .body("fields.ticket_updated", equalTo("2026-11-30T11:00:00.000+00:00"));
        assertEquals(1, db.records());
        // the update was indexed again: the vectors are of the record as it is now (its resolution and comment)
        index.awaitEmpty();
        assertEquals(1, db.count("SELECT count(*) FROM record_embeddings e JOIN records r ON r.id = e.record_id"
                + " WHERE r.id = " + id + " AND e.content_hash = r.content_hash AND e.chunk = 0"));
        String page = admin.given().get("/records/" + id).then().statusCode(200).extract().asString();
        assertEquals(true, page.contains("<a href=\"https://plant.atlassian.net/browse/MNT-42\""));
    }

    @Test
    void aBadOrMissingSignatureIs401AndWritesNothing() throws Exception {
        String secret = integration("jira-plant", Map.of("kind", "jira"));
        String body = issue("jira:issue_created", "2026-11-30T08:00:00.000+0000", null, null);
        RestAssured.given().contentType(ContentType.JSON).header("X-Hub-Signature", hmac(secret + "x", body))
                .body(body).post("/api/v1/integrations/jira-plant/events").then().statusCode(401);
        RestAssured.given().contentType(ContentType.JSON).body(body).post("/api/v1/integrations/jira-plant/events")
                .then().statusCode(401);
        RestAssured.given().contentType(ContentType.JSON).header("X-Hub-Signature", hmac(secret, body)).body(body)
                .post("/api/v1/integrations/nobody/events").then().statusCode(401);
        // a signature over another body
        RestAssured.given().contentType(ContentType.JSON).header("X-Hub-Signature", hmac(secret, body))
                .body(body.replace("MNT-42", "MNT-43")).post("/api/v1/integrations/jira-plant/events").then()
                .statusCode(401);
        assertEquals(0, db.records());
    }

    @Test
    void malformedEventsNameTheFieldAndWriteNothing() throws Exception {
        String secret = integration("jira-plant", Map.of("kind", "jira"));
        jira(secret, "not json").statusCode(400).body("errors[0].field", equalTo("body"));
        jira(secret, "{\"issue\":{\"fields\":{\"summary\":\"x\"}}}").statusCode(422)
                .body("errors[0].field", equalTo("issue.key"));
        jira(secret, "{\"issue\":{\"key\":\"MNT-1\",\"fields\":{}}}").statusCode(422)
                .body("errors[0].field", equalTo("issue.fields.summary"));
        jira(secret, issue("jira:issue_created", "x", null, null).replace("2026-11-30T08:00:00.000+0000\",\"updated",
                "yesterday\",\"updated")).statusCode(422).body("errors[0].field", equalTo("issue.fields.created"));
        assertEquals(0, db.records());
    }

    @Test
    void serviceNowWithASharedSecretAndAGenericShapeWithItsOwnMapping() {
        String now = integration("servicenow", Map.of("kind", "servicenow", "baseUrl", "https://plant.service-now.com"));
        RestAssured.given().contentType(ContentType.JSON).header("X-Faultline-Secret", now).body("""
                {"number":"INC0010023","short_description":"Pump P-7 tripped on overload","description":"Motor tripped twice",
                 "sys_created_on":"2026-11-30 08:00:00","sys_updated_on":"2026-11-30 09:00:00","cmdb_ci":"P-7","location":"Plant B"}""")
                .post("/api/v1/integrations/servicenow/events").then().statusCode(200).body("status", equalTo("created"));
        Api.given().queryParam("source", "servicenow").get("/api/v1/records").then()
                .body("items[0].asset.id", equalTo("P-7")).body("items[0].occurredAt", equalTo("2026-11-30T08:00:00Z"))
                .body("items[0].fields.ticket_url", equalTo(
                        "https://plant.service-now.com/nav_to.do?uri=task.do?sysparm_query=number=INC0010023"));
        String cmms = integration("cmms", Map.of("kind", "generic", "mapping", Map.of("key", "/wo/id", "description",
                "/wo/notes")));
        RestAssured.given().contentType(ContentType.JSON).header("X-Faultline-Secret", cmms)
                .body("{\"wo\":{\"id\":\"WO-77\",\"notes\":\"Conveyor belt misaligned\"},\"asset\":\"CV-2\"}")
                .post("/api/v1/integrations/cmms/events").then().statusCode(200).body("ticketKey", equalTo("WO-77"));
        RestAssured.given().contentType(ContentType.JSON).header("X-Faultline-Secret", now)
                .body("{\"wo\":{\"id\":\"WO-78\",\"notes\":\"x\"}}").post("/api/v1/integrations/cmms/events").then()
                .statusCode(401);
        assertEquals(2, db.records());
    }

    @Test
    void onlyAdministratorsDefineIntegrationsAndBadDefinitionsAreNamed() {
        Api.given().contentType(ContentType.JSON).body(Map.of("kind", "jira")).put("/api/v1/integrations/x").then()
                .statusCode(403);
        admin.given().header("X-CSRF-Token", admin.csrf()).contentType(ContentType.JSON)
                .body(Map.of("kind", "remedy", "mapping", Map.of("colour", "/c", "key", "issue.key"), "baseUrl",
                        "javascript:alert(1)"))
                .put("/api/v1/integrations/Bad Name").then().statusCode(422)
                .body("errors.field", hasItems("name", "kind", "mapping.colour", "mapping.key", "baseUrl"));
        assertEquals(0, db.count("SELECT count(*) FROM integrations"));
        String first = integration("jira-plant", Map.of("kind", "jira"));
        admin.given().header("X-CSRF-Token", admin.csrf()).contentType(ContentType.JSON).body(Map.of("kind", "jira"))
                .put("/api/v1/integrations/jira-plant").then().statusCode(200).body("secret", equalTo(null));
        String rotated = integration("jira-plant", Map.of("kind", "jira", "rotateSecret", true));
        assertEquals(false, first.equals(rotated));
        admin.given().get("/api/v1/integrations").then().body("name", equalTo(List.of("jira-plant")))
                .body("[0].eventsUrl", equalTo("/api/v1/integrations/jira-plant/events"));
    }
}
