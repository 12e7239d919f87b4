package dev.faultline.ingest;

import static dev.faultline.Api.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.faultline.Json;
import dev.faultline.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IngestResourceTest {

    @Inject
    TestDatabase db;

    @BeforeEach
    void empty() {
        db.clear();
    }

    private static io.restassured.response.ValidatableResponse post(Object body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/records").then();
    }

    @Test
    void createsRecordsAndTheirAsset() {
        post(Json.batch(Json.record("WO-1", "#3 CYL INTAKE GSKT LEAKING"), Json.record("WO-2", "oil on floor")))
                .statusCode(200)
                .body("results.status", contains("created", "created"))
                .body("results.externalId", contains("WO-1", "WO-2"))
                .body("results[0].source", equalTo("test-cmms"));
        assertEquals(2, db.records());
        assertEquals(1, db.count("SELECT count(*) FROM assets WHERE id = 'PUMP-7' AND site = 'Plant A'"));
    }

    @Test
    void resendingTheSameRecordsIsUnchanged() {
        Map<String, Object> batch = Json.batch(Json.record("WO-1", "seal leaking"), Json.record("WO-2", "noisy bearing"));
        long id = post(batch).statusCode(200).extract().jsonPath().getLong("results[0].id");
        post(batch).statusCode(200)
                .body("results.status", contains("unchanged", "unchanged"))
                .body("results[0].id", equalTo((int) id));
        assertEquals(2, db.records());
    }

    @Test
    void changedTextUpdatesTheRecordAndItsContentHash() {
        post(Json.batch(Json.record("WO-1", "seal leaking"))).statusCode(200);
        String before = given().get("/api/v1/records/1").then().extract().path("contentHash");
        post(Json.batch(Json.record("WO-1", "seal leaking badly, pump stopped")))
                .statusCode(200)
                .body("results[0].status", equalTo("updated"))
                .body("results[0].id", equalTo(1));
        given().get("/api/v1/records/1").then()
                .body("text", equalTo("seal leaking badly, pump stopped"))
                .body("contentHash", not(equalTo(before)));
        assertEquals(1, db.records());
    }

    @Test
    void readsARecordWithItsFieldsAndAsset() {
        Map<String, Object> r = Json.record("WO-9", "  #2 CYL ROCKER COVER GASKET LEAKING.  ");
        r.put("title", "Rocker cover leak");
        r.put("occurredAt", "2024-03-01T09:15:00+01:00");
        long id = post(Json.batch(r)).extract().jsonPath().getLong("results[0].id");
        given().get("/api/v1/records/" + id).then()
                .statusCode(200)
                .body("text", equalTo("#2 CYL ROCKER COVER GASKET LEAKING."))
                .body("fields.action", equalTo("replaced seal"))
                .body("asset.id", equalTo("PUMP-7"))
                .body("asset.line", equalTo("L2"))
                .body("occurredAt", equalTo("2024-03-01T08:15:00Z"))
                .body("tags", contains("leak"))
                .body("faultClass", equalTo(null))
                .body("createdAt", not(equalTo(null)));
    }

    @Test
    void acceptsARecordWithOnlyTheRequiredFields() {
        post(Map.of("records", java.util.List.of(Map.of("source", "s", "externalId", "1", "text", "pump tripped"))))
                .statusCode(200)
                .body("results[0].status", equalTo("created"));
        given().get("/api/v1/records/1").then()
                .body("kind", equalTo("maintenance_log"))
                .body("asset", equalTo(null))
                .body("occurredAt", equalTo(null))
                .body("tags", hasSize(0));
    }

    @Test
    void assetAttributesAreUpdatedByLaterRecords() {
        post(Json.batch(Json.record("WO-1", "a"))).statusCode(200);
        Map<String, Object> moved = Json.record("WO-2", "b");
        moved.put("asset", Map.of("id", "PUMP-7", "site", "Plant B"));
        post(Json.batch(moved)).statusCode(200);
        given().get("/api/v1/assets/PUMP-7").then()
                .statusCode(200)
                .body("site", equalTo("Plant B"))
                .body("name", equalTo("Feed pump 7"))
                .body("recordCount", equalTo(2));
    }
}
