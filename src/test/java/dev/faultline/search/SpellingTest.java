package dev.faultline.search;

import static dev.faultline.Api.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.Json;
import dev.faultline.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Misspelt query words also find the records' own spelling, through the vocabulary of their words. */
@QuarkusTest
class SpellingTest {

    @Inject
    TestDatabase db;

    @Inject
    Vocabulary vocabulary;

    static final String[] TEXTS = {
        "VACUUM HOSE BLOCKED, CLEARED", "VACUUM MOTOR DOES NOT START", "VACUUM CORD REWIND BROKEN",
        "LEFT MAGNETO DROP 150 RPM", "MAGNETO TIMING CHECKED", "MAGNETO P-LEAD LOOSE", "RIGHT MAGNETO REPLACED",
        "MAGNETO IMPULSE COUPLING WORN", "OIL LEAK AT ROCKER COVER",
    };

    @BeforeEach
    void seed() throws Exception {
        db.clear();
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < TEXTS.length; i++) {
            Map<String, Object> r = Json.record("S" + i, TEXTS[i]);
            r.put("fields", Map.of());
            records.add(r);
        }
        given().contentType(ContentType.JSON).body(Map.of("records", records)).post("/api/v1/records").then()
                .statusCode(200);
        assertTrue(vocabulary.refresh(true));
    }

    static Set<String> keyword(String q) {
        return Set.copyOf(given().queryParams(Map.of("q", q, "mode", "keyword", "collapse", "false"))
                .get("/api/v1/search").then().statusCode(200).extract().jsonPath().getList("items.record.externalId"));
    }

    @Test
    void aMisspeltWordAlsoFindsTheWordAsTheRecordsSpellIt() {
        assertEquals(Set.of("S0", "S1", "S2"), keyword("vaccum"));
        assertEquals(Set.of("S3", "S4", "S5", "S6", "S7"), keyword("magnito"));
        // a word the records know is not corrected: "rocker" stays rocker
        assertEquals(Set.of("S8"), keyword("rocker"));
        assertEquals(Map.of(), vocabulary.corrections(List.of("rocker", "xqzw")));
    }

    @Test
    void rebuiltOnlyWhenTheRecordsChanged() throws Exception {
        // edits and deletions reach the statistics' counters late: PostgreSQL flushes an idle backend's table counters
        // up to 10 s after its transaction (PGSTAT_IDLE_INTERVAL), so a write of this or an earlier test may still
        // arrive and cause one more rebuild. Settled: no rebuild for 11 s on end (CI once saw one after a short wait)
        long quietSince = System.currentTimeMillis();
        long until = quietSince + 60_000;
        while (System.currentTimeMillis() - quietSince < 11_000 && System.currentTimeMillis() < until) {
            if (vocabulary.refresh(false)) {
                quietSince = System.currentTimeMillis();
            }
            Thread.sleep(500);
        }
        assertFalse(vocabulary.refresh(false), "nothing changed since the last build");
        given().contentType(ContentType.JSON).body(Map.of("records", List.of(Json.record("S99", "GASKET REPLACED"))))
                .post("/api/v1/records").then().statusCode(200);
        assertTrue(vocabulary.refresh(false));
    }
}
