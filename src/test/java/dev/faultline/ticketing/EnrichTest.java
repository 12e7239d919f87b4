package dev.faultline.ticketing;

import static dev.faultline.Api.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.Json;
import dev.faultline.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Enrichment of a ticket's text from the records: failure mode, similar records, a cited fix. */
@QuarkusTest
class EnrichTest {

    @Inject
    TestDatabase db;

    @Inject
    dev.faultline.TestIndex index;

    private long record(String id, String text, String action) {
        Map<String, Object> r = Json.record(id, text);
        r.put("fields", Map.of("problem", text, "action", action));
        return given().contentType(ContentType.JSON).body(Json.batch(r)).post("/api/v1/records").then()
                .statusCode(200).extract().jsonPath().getLong("results[0].id");
    }

    @Test
    void suggestsTheFixSimilarRecordsShareWithTheirIds() {
        db.clear();
        long a = record("E-1", "mechanical seal leaking on feed pump", "Replaced mechanical seal.");
        long b = record("E-2", "pump seal leaking at drive end", "replaced mechanical seal");
        long c = record("E-3", "seal leak on pump, oil on floor", "Tightened gland, cleaned up");
        record("E-4", "motor tripped on overload", "Reset breaker");
        index.awaitEmpty();
        JsonPath e = given().contentType(ContentType.JSON).body(Map.of("text", "feed pump seal leaking again",
                "asset", "PUMP-7")).post("/api/v1/enrich").then().statusCode(200).extract().jsonPath();
        assertNotNull(e.getString("faultClass.label"));
        assertTrue(e.getDouble("faultClass.confidence") > 0);
        List<Integer> similar = e.getList("similar.recordId");
        assertTrue(similar.containsAll(List.of((int) a, (int) b, (int) c)), "the leaks are the similar ones: " + similar);
        assertEquals("Replaced mechanical seal.", e.getString("suggestedFix.action"));
        assertEquals(List.of((int) a, (int) b).stream().sorted().toList(),
                e.getList("suggestedFix.citations", Integer.class).stream().sorted().toList());
        assertTrue(e.getString("suggestedFix.basis").contains("share"));
        assertEquals((Object) null, e.get("risk"), "no sensor model knows this asset");
        given().contentType(ContentType.JSON).body(Map.of("text", " ")).post("/api/v1/enrich").then().statusCode(422)
                .body("errors[0].field", equalTo("text"));
    }
}
