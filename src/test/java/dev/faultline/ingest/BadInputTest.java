package dev.faultline.ingest;

import static dev.faultline.Api.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.faultline.Json;
import dev.faultline.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed input to POST /api/v1/records: each gets a 4xx naming the field, and nothing is written. */
@QuarkusTest
class BadInputTest {

    @Inject
    TestDatabase db;

    @BeforeEach
    void seed() {
        db.clear();
        given().contentType(ContentType.JSON).body(Json.batch(Json.record("EXISTING", "already here")))
                .post("/api/v1/records").then().statusCode(200);
    }

    static Map<String, Object> with(String key, Object value) {
        Map<String, Object> r = Json.record("NEW-1", "valid text");
        if (value == null) {
            r.remove(key);
        } else {
            r.put(key, value);
        }
        return Json.batch(r);
    }

    static Stream<Arguments> badBodies() {
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(Json.record("N" + i, "t"));
        }
        Map<String, Object> noAssetId = Json.record("NEW-1", "x");
        noAssetId.put("asset", Map.of("name", "pump without id"));
        return Stream.of(
                Arguments.of("missing text", with("text", null), 422, "records[0].text"),
                Arguments.of("blank text", with("text", "   "), 422, "records[0].text"),
                Arguments.of("unknown kind", with("kind", "complaint"), 422, "records[0].kind"),
                Arguments.of("unparseable timestamp", with("occurredAt", "yesterday"), 422, "records[0].occurredAt"),
                Arguments.of("timestamp in the future",
                        with("occurredAt", OffsetDateTime.now().plusYears(1).toString()), 422, "records[0].occurredAt"),
                Arguments.of("missing externalId", with("externalId", null), 422, "records[0].externalId"),
                Arguments.of("missing source", with("source", null), 422, "records[0].source"),
                Arguments.of("NUL character in text", with("text", "bad\u0000byte"), 422, "records[0].text"),
                Arguments.of("bad language tag", with("language", "english!"), 422, "records[0].language"),
                Arguments.of("asset without id", Json.batch(noAssetId), 422, "records[0].asset.id"),
                Arguments.of("text too long", with("text", "x".repeat(100_001)), 422, "records[0].text"),
                Arguments.of("empty list", Map.of("records", List.of()), 422, "records"),
                Arguments.of("no records key", Map.of(), 422, "records"),
                Arguments.of("1,001 records", Map.of("records", tooMany), 422, "records"),
                Arguments.of("text is an object", with("text", Map.of("a", 1)), 400, "records[0].text"),
                Arguments.of("misspelt field", with("exernalId", "1"), 400, "records[0].exernalId"),
                Arguments.of("tags not a list", with("tags", Map.of("k", "v")), 400, "records[0].tags"),
                Arguments.of("duplicate key in one request",
                        Json.batch(Json.record("D", "a"), Json.record("D", "b")), 422, "records[1].externalId"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void rejectsBadRecordNamingTheField(String name, Object body, int status, String field) {
        given().contentType(ContentType.JSON).body(body).post("/api/v1/records").then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("errors.field", hasItem(field))
                .body("detail", containsString(field));
        assertEquals(1, db.records(), "nothing may be written");
    }

    @Test
    void oneInvalidRecordRejectsTheWholeBatchAndListsEveryProblem() {
        Map<String, Object> bad1 = Json.record("B1", "");
        Map<String, Object> bad2 = Json.record("B2", "ok");
        bad2.put("kind", "nope");
        bad2.put("occurredAt", "2024-13-45");
        Map<String, Object> body = Map.of("records", List.of(Json.record("G1", "good"), bad1, bad2));
        given().contentType(ContentType.JSON).body(body).post("/api/v1/records").then()
                .statusCode(422)
                .body("errors.field", equalTo(List.of("records[1].text", "records[2].kind", "records[2].occurredAt")));
        assertEquals(1, db.records());
    }

    static Stream<Arguments> unreadableBodies() {
        byte[] invalidUtf8 = "{\"records\":[{\"source\":\"s\",\"externalId\":\"1\",\"text\":\"caf\u00e9\"}]}"
                .getBytes(StandardCharsets.ISO_8859_1);
        return Stream.of(
                Arguments.of("truncated JSON", "{\"records\": [".getBytes(StandardCharsets.UTF_8), "application/json",
                        400, "records"),
                Arguments.of("not JSON at all", "source,text\na,b".getBytes(StandardCharsets.UTF_8), "application/json",
                        400, "body"),
                Arguments.of("invalid UTF-8", invalidUtf8, "application/json", 400, "records[0].text"),
                Arguments.of("wrong content type", "records".getBytes(StandardCharsets.UTF_8), "text/plain", 415,
                        "Content-Type"),
                Arguments.of("body over the limit",
                        ("{\"records\":[{\"text\":\"" + String.join("", Collections.nCopies(1_200_000, "x")) + "\"}]}")
                                .getBytes(StandardCharsets.UTF_8),
                        "application/json", 413, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableBodies")
    void rejectsUnreadableBody(String name, byte[] body, String type, int status, String field) {
        var response = given().contentType(type).body(body).post("/api/v1/records").then().log().ifValidationFails()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("title", org.hamcrest.Matchers.notNullValue())
                .body("detail", org.hamcrest.Matchers.not(containsString("Exception")));
        if (field != null) {
            response.body("errors.field", hasItem(field));
        }
        assertEquals(1, db.records());
    }

    @Test
    void rejectsBadListParameters() {
        given().queryParam("from", "last week").get("/api/v1/records").then()
                .statusCode(400).body("errors.field", hasItem("from"));
        given().queryParam("limit", 0).get("/api/v1/records").then()
                .statusCode(400).body("errors.field", hasItem("limit"));
        given().queryParam("kind", "memo").get("/api/v1/records").then()
                .statusCode(400).body("errors.field", hasItem("kind"));
        given().get("/api/v1/records/999999").then()
                .statusCode(404).contentType("application/problem+json").body("detail", containsString("999999"));
    }
}
