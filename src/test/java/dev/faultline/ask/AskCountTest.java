package dev.faultline.ask;

import static dev.faultline.Api.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.Json;
import dev.faultline.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Counting and trend questions answered from the database, with the query counted and the records cited. */
@QuarkusTest
class AskCountTest {

    @Inject
    TestDatabase db;

    // id, text, aircraft, date
    static final String[][] LOGBOOK = {
        {"M1", "L/H MAG DROP 150 RPM ON RUN UP", "N101", "2024-01-05"},
        {"M2", "LEFT MAGNETO REPLACED, TIMED TO ENGINE", "N101", "2024-02-10"},
        {"M3", "LT MAG P-LEAD LOOSE, TIGHTENED", "N102", "2024-03-15"},
        {"M4", "R/H MAG DROP 200 RPM", "N102", "2024-04-20"},
        {"M5", "RIGHT MAGNETO INTERNAL TIMING OFF", "N103", "2024-05-25"},
        {"M6", "OIL LEAK AT ROCKER COVER", "N103", "2024-06-30"},
    };

    @BeforeEach
    void seed() {
        db.clear();
        List<Map<String, Object>> records = new ArrayList<>();
        for (String[] row : LOGBOOK) {
            Map<String, Object> r = Json.record(row[0], row[1]);
            r.put("fields", Map.of());
            r.put("asset", Map.of("id", row[2], "type", "aircraft"));
            r.put("occurredAt", row[3] + "T08:00:00Z");
            records.add(r);
        }
        given().contentType(ContentType.JSON).body(Map.of("records", records)).post("/api/v1/records").then()
                .statusCode(200);
    }

    static JsonPath ask(String question, Map<String, String> filters) {
        return given().contentType(ContentType.JSON).body(Map.of("question", question, "filters", filters))
                .post("/api/v1/ask").then().statusCode(200).extract().jsonPath();
    }

    static Set<String> cited(JsonPath a) {
        Set<String> ids = new HashSet<>();
        for (Object id : a.getList("citations.recordId")) {
            ids.add(given().get("/api/v1/records/" + id).then().extract().jsonPath().getString("externalId"));
        }
        return ids;
    }

    @Test
    void howOftenCountsTheSideAskedAboutAndShowsTheQuery() {
        JsonPath a = ask("How often did the left magneto fail?", Map.of());
        String answer = a.getString("answer");
        assertEquals("count", a.getString("generator"));
        assertTrue(answer.startsWith("3 records are about “left magneto”, from 2024-01-05 to 2024-03-15"), answer);
        assertTrue(answer.contains("Counted: records containing (left or l/h or lh or lt"), answer);
        assertEquals(Set.of("M1", "M2", "M3"), cited(a), "the left side only, never the right");
        // "or" joins alternatives
        JsonPath either = ask("How many log entries mention a left magneto drop or replaced?", Map.of());
        assertTrue(either.getString("answer").startsWith("2 records are about “left magneto drop or replaced”"),
                either.getString("answer"));
        assertEquals(Set.of("M1", "M2"), cited(either));
        // phrases either side of a slash are alternatives as wholes
        JsonPath slash = ask("How many entries mention a mag drop / rocker cover leak?", Map.of());
        assertTrue(slash.getString("answer").startsWith("3 records are about “mag drop or rocker cover leak”"),
                slash.getString("answer"));
        assertEquals(Set.of("M1", "M4", "M6"), cited(slash));
        // the filters count too
        JsonPath one = ask("how many times was the left magneto replaced", Map.of("asset", "N101"));
        assertTrue(one.getString("answer").startsWith("1 record is about “left magneto replaced”"),
                one.getString("answer"));
        assertEquals(Set.of("M2"), cited(one));
    }

    @Test
    void whichAssetMostAndSinceWhen() {
        JsonPath most = ask("Which aircraft had the most magneto problems?", Map.of());
        assertTrue(most.getString("answer").startsWith("N101 has the most: 2 of the 5 records about “magneto”"
                + " (then N102: 2, N103: 1)"), most.getString("answer"));
        assertEquals(Set.of("M1", "M2"), cited(most));
        JsonPath first = ask("Since when do we have right magneto trouble?", Map.of());
        assertTrue(first.getString("answer").startsWith("First recorded 2024-04-20; 2 records are about"),
                first.getString("answer"));
        assertEquals(Set.of("M4", "M5"), cited(first));
    }

    @Test
    void aKindOfRecordNamedInTheQuestionIsCountedAsAKindFilter() {
        Map<String, Object> order = Json.record("W1", "Left magneto replaced, ops check good");
        order.put("kind", "work_order");
        order.put("asset", Map.of("id", "N104", "type", "aircraft"));
        given().contentType(ContentType.JSON).body(Json.batch(order)).post("/api/v1/records").then().statusCode(200);
        JsonPath a = ask("How many work orders mention the left magneto?", Map.of());
        String answer = a.getString("answer");
        assertTrue(answer.startsWith("1 record is about “left magneto”"), answer);
        assertTrue(answer.contains("Counted: work orders containing (left or l/h"), answer);
        assertEquals(Set.of("W1"), cited(a));
        assertTrue(ask("How often did the left magneto fail?", Map.of()).getString("answer")
                .startsWith("4 records are about “left magneto”"), "no kind named: every kind");
        // a kind filter the user set wins over the question's words
        JsonPath logs = ask("How many work orders mention the left magneto?", Map.of("kind", "maintenance_log"));
        assertTrue(logs.getString("answer").startsWith("3 records are about “left magneto”"), logs.getString("answer"));
        assertTrue(logs.getString("answer").contains("Counted: records containing"), logs.getString("answer"));
    }

    @Test
    void aNumberedPositionIsCountedBesideItsWordNotAnywhere() {
        given().contentType(ContentType.JSON).body(Json.batch(
                        Json.record("C1", "#3 CYL LOW COMPRESSION 60/80"),
                        Json.record("C2", "LOW COMPRESSION ON CYL #3, VALVES LAPPED"),
                        Json.record("C3", "#2 CYL LOW COMPRESSION, ADDED 3 QTS OIL")))
                .post("/api/v1/records").then().statusCode(200);
        JsonPath a = ask("How many times was there #3 cylinder low compression?", Map.of());
        assertTrue(a.getString("answer").startsWith("2 records are about “#3 cylinder low compression”"),
                a.getString("answer"));
        assertEquals(Set.of("C1", "C2"), cited(a), "not the #2 cylinder with 3 quarts of oil");
        assertTrue(a.getString("answer").contains("Counted: records containing (3 followed by (cylinder or cyl) or"
                + " (cylinder or cyl) followed by 3) and low and compression."), a.getString("answer"));
    }

    @Test
    void nothingToCountIsNotFoundNeverANearbyGuess() {
        JsonPath a = ask("How many times did the nose gear collapse?", Map.of());
        assertTrue(a.getString("answer").startsWith("Not found in the records: no record is about “nose gear"
                + " collapse”"), a.getString("answer"));
        assertEquals(List.of(), a.getList("citations"));
        // an asset kind the logbook has none of: not the aircraft with the most magneto records
        JsonPath most = ask("Which excavator had the most magneto problems?", Map.of());
        assertTrue(most.getString("answer").startsWith("Not found in the records: no record is about “excavator"
                + " magneto”"), most.getString("answer"));
        assertEquals(List.of(), most.getList("citations"));
    }
}
