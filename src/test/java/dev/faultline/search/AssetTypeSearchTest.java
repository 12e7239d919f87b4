package dev.faultline.search;

import static dev.faultline.Api.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.faultline.Json;
import dev.faultline.TestDatabase;
import dev.faultline.TestIndex;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Records that name the device only in their asset ("Tablet": "screen cracked") are found by the asset's type and
 * name (#22, #24), and follow their asset when it changes.
 */
@QuarkusTest
class AssetTypeSearchTest {

    @Inject
    TestDatabase db;

    @Inject
    TestIndex index;

    @BeforeEach
    void seed() {
        db.clear();
        Map<String, Object> tablet = Json.record("T-1", "screen cracked, replaced digitiser");
        tablet.put("asset", Map.of("id", "TAB-1", "type", "Tablet", "name", "2#平板 TB-1"));
        Map<String, Object> phone = Json.record("P-1", "screen cracked after a fall");
        phone.put("asset", Map.of("id", "PHONE-1", "type", "Mobile phone"));
        given().contentType(ContentType.JSON).body(Json.batch(tablet, phone)).post("/api/v1/records").then()
                .statusCode(200);
    }

    @Test
    void theAssetTypeIsSearchedWithTheRecord() {
        assertEquals("T-1", keyword("tablet screen cracked").getFirst());
        assertEquals(List.of("T-1"), keyword("tablet"));
        assertEquals("P-1", keyword("phone screen").getFirst());
        assertEquals(2, keyword("screen cracked").size());
        assertEquals(List.of("T-1"), keyword("TB-1"), "the asset's name is searched too");
        assertEquals(List.of("T-1"), keyword("2#平板"));
    }

    @Test
    void aChangedAssetReachesItsRecordsAndANewTypeEmbedsThemAgain() {
        index.awaitEmpty();
        String embeddedAt = "SELECT e.created_at::text FROM record_embeddings e JOIN records r ON r.id = e.record_id"
                + " WHERE e.chunk = 0 AND r.external_id = ";
        String tablet = db.string(embeddedAt + "'T-1'");
        String phone = db.string(embeddedAt + "'P-1'");
        given().contentType(ContentType.JSON).body(Map.of("type", "E-reader", "name", "Reader R-9"))
                .put("/api/v1/assets/TAB-1").then().statusCode(200);
        assertEquals(List.of("T-1"), keyword("R-9"));
        assertEquals(List.of(), keyword("TB-1"));
        assertEquals("T-1", keyword("reader screen").getFirst());
        assertEquals(List.of("T-1"), keyword("reader"));
        assertEquals(List.of(), keyword("tablet"), "the old type is no longer searched");
        index.awaitEmpty();
        String retyped = db.string(embeddedAt + "'T-1'");
        assertNotEquals(tablet, retyped, "the record is embedded again with its new type");
        assertEquals(phone, db.string(embeddedAt + "'P-1'"), "records of other assets are left alone");
        // a new name alone is searched at once but changes no embedded passage: nothing is embedded again
        given().contentType(ContentType.JSON).body(Map.of("name", "Reader R-10")).put("/api/v1/assets/TAB-1").then()
                .statusCode(200);
        assertEquals(List.of("T-1"), keyword("R-10"));
        assertEquals(0, db.count("SELECT count(*) FROM embedding_queue"));
        index.awaitEmpty();
        assertEquals(retyped, db.string(embeddedAt + "'T-1'"));
    }

    private static List<String> keyword(String q) {
        return given().queryParams(Map.of("q", q, "mode", "keyword")).get("/api/v1/search").then().statusCode(200)
                .extract().jsonPath().getList("items.record.externalId");
    }
}
