package dev.faultline.search;

import static dev.faultline.Api.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.Json;
import dev.faultline.TestDatabase;
import dev.faultline.TestIndex;
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

/** Near-identical records collapsed under the best-ranked one, so the top ten are different problems. */
@QuarkusTest
class NearDuplicatesTest {

    @Inject
    TestDatabase db;

    @Inject
    TestIndex index;

    static final String[][] LOGBOOK = {
        {"D1", "LEFT MAG DROP 200 RPM ON RUN UP."},
        {"D2", "LEFT MAG DROP 200 RPM ON RUN-UP"},
        {"D3", "LEFT MAG DROP 200 RPM ON RUN UP"},
        {"D4", "RIGHT MAG DROP 200 RPM ON RUN UP."},
        {"D5", "#2 CYL LOW COMPRESSION 40/80."},
        {"D6", "#3 CYL LOW COMPRESSION 40/80."},
        {"D7", "OIL LEAK AT ROCKER COVER GASKET."},
    };

    @BeforeEach
    void seed() {
        db.clear();
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < LOGBOOK.length; i++) {
            Map<String, Object> r = Json.record(LOGBOOK[i][0], LOGBOOK[i][1]);
            r.put("fields", Map.of());
            r.put("occurredAt", String.format("2024-03-%02dT08:00:00Z", i + 1));
            records.add(r);
        }
        given().contentType(ContentType.JSON).body(Map.of("records", records)).post("/api/v1/records").then()
                .statusCode(200);
        index.awaitEmpty();
    }

    static JsonPath search(Map<String, ?> params) {
        return given().queryParams(params).get("/api/v1/search").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void nearIdenticalRecordsShowUnderTheBestRankedOne() {
        JsonPath r = search(Map.of("q", "left magneto drop", "limit", "10"));
        List<String> shown = r.getList("items.record.externalId");
        // the three left-magneto records are one result: the best-ranked with the other two under it
        int left = -1;
        for (int i = 0; i < shown.size(); i++) {
            if (Set.of("D1", "D2", "D3").contains(shown.get(i))) {
                assertEquals(-1, left, "one place for the three copies: " + shown);
                left = i;
            }
        }
        assertEquals(0, left, shown.toString());
        List<String> under = r.getList("items[0].duplicates.externalId");
        assertEquals(2, under.size(), under.toString());
        Set<String> all = new HashSet<>(under);
        all.add(shown.getFirst());
        assertEquals(Set.of("D1", "D2", "D3"), all);
        // the right magneto reads almost the same, but it is the other side: a problem of its own
        assertTrue(shown.contains("D4"), shown.toString());
        assertEquals(shown.size(), r.getInt("total"), "the total counts results as shown");
    }

    @Test
    void differentPositionsStayApartAndCollapseCanBeTurnedOff() {
        List<String> shown = search(Map.of("q", "low compression cylinder")).getList("items.record.externalId");
        assertTrue(shown.containsAll(List.of("D5", "D6")), "#2 and #3 are two problems: " + shown);
        List<String> all = search(Map.of("q", "left magneto drop", "collapse", "false", "limit", "10"))
                .getList("items.record.externalId");
        assertTrue(all.containsAll(List.of("D1", "D2", "D3")), all.toString());
        assertEquals(List.of(), search(Map.of("q", "left magneto drop", "collapse", "false"))
                .getList("items[0].duplicates"));
    }

    @Test
    void theSearchPageOffersTheCollapsedRecords() {
        String html = dev.faultline.Api.login("admin", dev.faultline.Api.ADMIN_PASSWORD).given()
                .queryParam("q", "left magneto drop")
                .get("/search").then().statusCode(200).extract().asString();
        assertTrue(html.contains("<summary>+2 similar records</summary>"), html);
    }
}
