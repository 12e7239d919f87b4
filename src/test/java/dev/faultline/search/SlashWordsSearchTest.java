package dev.faultline.search;

import static dev.faultline.Api.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.Json;
import dev.faultline.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Words joined by a slash ("PROP STRIKE/SUDDEN STOPPAGE", "INSP/REPAIR") are found as words (migration V30); one-letter
 * shorthand such as "L/H" stays one word, as the shorthand dictionary writes it.
 */
@QuarkusTest
class SlashWordsSearchTest {

    @Inject
    TestDatabase db;

    @BeforeEach
    void seed() {
        db.clear();
        Map<String, Object> pump = Json.record("S-3", "hydraulic pump noisy at high flow");
        pump.put("fields", Map.of("action", "INSP/REPAIR DONE IAW MM"));
        given().contentType(ContentType.JSON).body(Json.batch(
                        Json.record("S-1", "PROP STRIKE/SUDDEN STOPPAGE INSP DUE."),
                        Json.record("S-2", "L/H MAG DROP 150 RPM ON RUN UP."), pump))
                .post("/api/v1/records").then().statusCode(200);
    }

    @Test
    void eachWordOfASlashedPairIsFound() {
        assertEquals(List.of("S-1"), keyword("sudden stoppage"));
        assertEquals(List.of("S-1"), keyword("prop strike"));
        assertEquals(List.of("S-1"), keyword("STRIKE/SUDDEN"), "typed as written");
        assertEquals(List.of("S-3"), keyword("repair"), "in the record's fields too");
        assertEquals(List.of("S-2"), keyword("left magneto drop"), "L/H is still the left side");
        String answer = given().contentType(ContentType.JSON)
                .body(Map.of("question", "How many log entries relate to a prop strike / sudden stoppage?"))
                .post("/api/v1/ask").then().statusCode(200).extract().path("answer");
        assertTrue(answer.startsWith("1 record is about “prop strike or sudden stoppage”"), answer);
    }

    private static List<String> keyword(String q) {
        return given().queryParams(Map.of("q", q, "mode", "keyword")).get("/api/v1/search").then().statusCode(200)
                .extract().jsonPath().getList("items.record.externalId");
    }
}
