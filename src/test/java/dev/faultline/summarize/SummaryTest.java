package dev.faultline.summarize;

import static dev.faultline.Api.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SummaryTest {

    @Inject
    TestDatabase db;

    @BeforeEach
    void seed() {
        db.clear();
        List<Map<String, Object>> records = new ArrayList<>();
        String[] gasket = {"#3 intake gasket leaking, replaced gasket.", "#3 cyl intake gasket leaking. Replaced gasket.",
            "Intake gasket on #3 leaking; replaced gasket.", "#3 intake gasket leaking again, replaced gasket.",
            "#3 intake gasket leaking, gasket replaced.", "Intake gasket #3 leaking, replaced the gasket."};
        for (int i = 0; i < gasket.length; i++) {
            records.add(onAsset("SUM-G" + i, gasket[i], "2024-03-0" + (i + 1)));
        }
        records.add(onAsset("SUM-T", "Left main tire worn to the cords.", "2024-03-08"));
        records.add(onAsset("SUM-M", "Magneto drop 200 rpm on run-up.", "2024-03-09"));
        given().contentType(ContentType.JSON).body(Map.of("records", records)).post("/api/v1/records").then()
                .statusCode(200);
    }

    static Map<String, Object> onAsset(String id, String text, String date) {
        Map<String, Object> r = Json.record(id, text);
        r.put("asset", Map.of("id", "SUM-PLANE", "name", "Cessna N123"));
        r.put("occurredAt", date);
        r.put("fields", Map.of());
        return r;
    }

    static JsonPath summarize(Object body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/summaries").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void repeatedProblemsBecomeOneLineWithCountDatesAndAsset() {
        JsonPath s = summarize(Map.of("filter", Map.of("asset", "SUM-PLANE")));
        assertEquals("extractive", s.getString("generator"));
        assertEquals(8, s.getInt("records"));
        List<Map<String, Object>> lines = s.getList("lines");
        assertTrue(lines.size() >= 3 && lines.size() <= 5, lines.toString());
        Map<String, Object> first = lines.getFirst();
        assertTrue((Integer) first.get("count") >= 4, "the repeated gasket leak is grouped: " + lines);
        assertTrue(first.get("text").toString().matches("\\d+ × .*(?i)gasket.*"), first.get("text").toString());
        assertEquals("Cessna N123", ((List<?>) first.get("assets")).getFirst());
        assertTrue(s.getString("summary").contains("Cessna N123; 2024-03-0"), s.getString("summary"));
        assertTrue(s.getString("summary").toLowerCase().contains("tire"), "a distinct problem is covered");
        assertTrue(s.getString("summary").toLowerCase().contains("magneto"), "a distinct problem is covered");
        List<String> texts = lines.stream().map(l -> l.get("text").toString()).toList();
        assertEquals(texts.size(), new HashSet<>(texts).size(), "no line repeats another");
    }

    @Test
    void summariesAreCachedUntilARecordChanges() {
        Map<String, Object> body = Map.of("filter", Map.of("asset", "SUM-PLANE"));
        assertFalse(summarize(body).getBoolean("cached"));
        assertTrue(summarize(body).getBoolean("cached"));
        given().contentType(ContentType.JSON)
                .body(Json.batch(onAsset("SUM-T", "Left main tire worn to the cords, tire replaced.", "2024-03-08")))
                .post("/api/v1/records").then().statusCode(200);
        JsonPath after = summarize(body);
        assertFalse(after.getBoolean("cached"), "a changed record invalidates the cached summary");
        assertTrue(after.getString("summary").contains("tire replaced") || after.getString("summary").contains("tire"));
    }

    @Test
    void aLongRecordGetsAThreeLineSummaryFromItsOwnSentences() {
        String text = "Annual inspection of the aircraft completed. Found the left magneto timing out of limits. "
                + "Retimed the left magneto to 25 degrees BTDC. Compression check done on all cylinders. "
                + "Number 3 cylinder low at 52 over 80. Borescoped cylinder 3 and found a burnt exhaust valve. "
                + "Removed cylinder 3 and sent it out for overhaul. Replaced all spark plugs. "
                + "Oil and filter changed, no metal found in the filter. Aircraft returned to service.";
        given().contentType(ContentType.JSON).body(Json.batch(Json.record("SUM-LONG", text))).post("/api/v1/records");
        long id = db.count("SELECT id FROM records WHERE external_id = 'SUM-LONG'");
        JsonPath s = summarize(Map.of("recordId", id));
        List<String> lines = s.getList("lines.text", String.class);
        assertEquals(3, lines.size());
        lines.forEach(l -> assertTrue(text.contains(l), l));
    }

    @Test
    void badRequestsNameTheField() {
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/summaries").then().statusCode(422)
                .body("errors.field", hasItem("recordId"));
        given().contentType(ContentType.JSON).body(Map.of("recordId", 1, "filter", Map.of())).post("/api/v1/summaries")
                .then().statusCode(422).body("errors.field", hasItem("recordId"));
        given().contentType(ContentType.JSON).body(Map.of("recordIds", List.of(987654321))).post("/api/v1/summaries")
                .then().statusCode(422).body("errors.field", hasItem("recordIds"));
        given().contentType(ContentType.JSON).body(Map.of("recordId", 987654321)).post("/api/v1/summaries").then()
                .statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("filter", Map.of("from", "soon"))).post("/api/v1/summaries")
                .then().statusCode(400).body("errors.field", hasItem("from"));
    }
}
