package dev.faultline.record;

import static dev.faultline.Api.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.faultline.Json;
import dev.faultline.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RecordListTest {

    @Inject
    TestDatabase db;

    @BeforeEach
    void seed() {
        db.clear();
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            Map<String, Object> r = Json.record("R" + i, "record " + i);
            r.put("occurredAt", String.format("2024-01-%02dT10:00:00Z", i));
            r.put("kind", i % 3 == 0 ? "inspection_note" : "maintenance_log");
            if (i > 8) {
                r.put("asset", Map.of("id", "CONV-1", "site", "Plant B"));
                r.put("source", "other");
            }
            records.add(r);
        }
        given().contentType(ContentType.JSON).body(Map.of("records", records)).post("/api/v1/records")
                .then().statusCode(200);
    }

    @Test
    void listsNewestFirstWithPaging() {
        given().queryParam("limit", 5).queryParam("offset", 5).get("/api/v1/records").then()
                .statusCode(200)
                .body("total", equalTo(12))
                .body("limit", equalTo(5))
                .body("offset", equalTo(5))
                .body("items.externalId", contains("R7", "R6", "R5", "R4", "R3"));
    }

    @Test
    void filtersByAssetSiteKindSourceAndTime() {
        given().queryParam("asset", "CONV-1").get("/api/v1/records").then().body("total", equalTo(4));
        given().queryParam("site", "Plant A").get("/api/v1/records").then().body("total", equalTo(8));
        given().queryParam("kind", "inspection_note").get("/api/v1/records").then()
                .body("items.externalId", contains("R12", "R9", "R6", "R3"));
        given().queryParam("source", "other").queryParam("kind", "maintenance_log").get("/api/v1/records").then()
                .body("items.externalId", contains("R11", "R10"));
        given().queryParam("from", "2024-01-03").queryParam("to", "2024-01-05").get("/api/v1/records").then()
                .body("items.externalId", contains("R4", "R3"));
    }

    @Test
    void recordsStayAtTheSiteTheyWereWrittenAt() {
        // CONV-1 moves to Plant C (named by a new record); R1 is rewritten onto CONV-1 without a site of its own;
        // MIX-1 is an asset id that two plants use
        Map<String, Object> moved = Json.record("R13", "record 13");
        moved.put("asset", Map.of("id", "CONV-1", "site", "Plant C"));
        Map<String, Object> r1 = Json.record("R1", "record 1 now on the conveyor");
        r1.put("asset", Map.of("id", "CONV-1"));
        Map<String, Object> atA = Json.record("R14", "record 14");
        atA.put("asset", Map.of("id", "MIX-1", "site", "Plant A"));
        Map<String, Object> atB = Json.record("R15", "record 15");
        atB.put("asset", Map.of("id", "MIX-1", "site", "Plant B"));
        given().contentType(ContentType.JSON).body(Map.of("records", List.of(moved, r1, atA, atB)))
                .post("/api/v1/records").then().statusCode(200);

        // R9-R12 keep Plant B, where they were written; R15 is filed under its own row's site
        given().queryParam("site", "Plant B").get("/api/v1/records").then()
                .body("items.externalId", contains("R15", "R12", "R11", "R10", "R9"))
                .body("items.asset.site", everyItem(equalTo("Plant B")));
        given().queryParam("site", "Plant C").get("/api/v1/records").then()
                .body("items.externalId", containsInAnyOrder("R13", "R1"));
        given().queryParam("site", "Plant A").get("/api/v1/records").then().body("total", equalTo(8))
                .body("items.externalId", hasItems("R14", "R8"));
        given().get("/api/v1/assets/CONV-1").then().body("site", equalTo("Plant C"));
        // search filters and counts on the same site
        given().queryParam("q", "record").queryParam("mode", "keyword").queryParam("site", "Plant B")
                .get("/api/v1/search").then().statusCode(200).body("total", equalTo(5))
                .body("facets.site", equalTo(Map.of("Plant B", 5)));

        // a new version of R10 sent without a site is filed like a new record: under its asset's site of the day
        Map<String, Object> r10 = Json.record("R10", "record 10, corrected");
        r10.put("source", "other");
        r10.put("asset", Map.of("id", "CONV-1"));
        given().contentType(ContentType.JSON).body(Json.batch(r10)).post("/api/v1/records").then().statusCode(200)
                .body("results[0].status", equalTo("updated"));
        given().queryParam("site", "Plant C").get("/api/v1/records").then()
                .body("items.externalId", containsInAnyOrder("R13", "R1", "R10"));
    }

    @Test
    void recordsWrittenBeforeTheirAssetHadASiteTakeItsFirstOne() {
        Map<String, Object> r = Json.record("N1", "record without a site yet");
        r.put("asset", Map.of("id", "NEW-1"));
        given().contentType(ContentType.JSON).body(Json.batch(r)).post("/api/v1/records").then().statusCode(200);
        given().queryParam("asset", "NEW-1").get("/api/v1/records").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].asset.site", nullValue());

        Map<String, Object> later = Json.record("N2", "the asset register names the site");
        later.put("asset", Map.of("id", "NEW-1", "site", "Plant D"));
        given().contentType(ContentType.JSON).body(Json.batch(later)).post("/api/v1/records").then().statusCode(200);
        given().queryParam("site", "Plant D").get("/api/v1/records").then()
                .body("items.externalId", containsInAnyOrder("N1", "N2"));
    }

    @Test
    void emptyResultIsAnEmptyPage() {
        given().queryParam("asset", "nope").get("/api/v1/records").then()
                .statusCode(200).body("total", equalTo(0)).body("items", hasSize(0));
    }

    @Test
    void listsAssetsWithCountsAndLatestRecord() {
        given().get("/api/v1/assets").then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.id", contains("CONV-1", "PUMP-7"))
                .body("items[0].recordCount", equalTo(4))
                .body("items[0].lastRecordAt", equalTo("2024-01-12T10:00:00Z"));
        given().queryParam("site", "Plant B").get("/api/v1/assets").then().body("items.id", contains("CONV-1"));
        given().get("/api/v1/assets/NOPE").then().statusCode(404).contentType("application/problem+json");
    }
}
