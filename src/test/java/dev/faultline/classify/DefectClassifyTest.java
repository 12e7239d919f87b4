package dev.faultline.classify;

import static dev.faultline.Api.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.Api;
import dev.faultline.Json;
import dev.faultline.TestDatabase;
import dev.faultline.TestIndex;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Quality reports get defect classes (Dimensional, Surface, …) from their own taxonomy, learnt from corrections. */
@QuarkusTest
class DefectClassifyTest {

    @Inject
    TestDatabase db;

    @Inject
    TestIndex index;

    @BeforeEach
    void clean() {
        db.clear();
        ClassifyTest.awaitModel();
    }

    static JsonPath classify(String text) {
        return given().contentType(ContentType.JSON).body(Map.of("text", text, "kind", "quality_report"))
                .post("/api/v1/classify").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aQualityReportGetsADefectClassWithItsEvidence() {
        JsonPath answer = classify("outside diameter 30.12 measured, drawing says 30.00 +/-0.05, 4 pcs oversize");
        assertEquals("Dimensional", answer.getString("label"), answer.prettify());
        assertTrue(answer.getString("model").startsWith("defect-classifier@"));
        assertTrue(answer.getList("evidence", Map.class).stream().anyMatch(e -> "Dimensional".equals(e.get("label"))));
        assertEquals("Contamination", classify("metal swarf and grease found inside the gearbox housing")
                .getString("label"));
        // the same text as a maintenance log is a failure mode, not a defect class
        String asLog = given().contentType(ContentType.JSON).body(Map.of("text", "pump seal leaking oil",
                "kind", "maintenance_log")).post("/api/v1/classify").then().statusCode(200).extract().path("label");
        assertEquals("Leaking", asLog);
        given().get("/api/v1/defect-classes").then().statusCode(200).body("$", hasSize(9))
                .body("label", hasItem("Documentation")).body("code", hasItem("DIM"));
    }

    @Test
    void qualityReportsAreClassifiedByDefectClassInTheBackgroundFilteredCountedAndShown() {
        Map<String, Object> report = Json.record("QR-B1", "bore diameter 25.09 measured, drawing 25.00 +0.03, 6 pcs oversize");
        report.put("kind", "quality_report");
        Map<String, Object> log = Json.record("QR-B2", "hydraulic pump leaking oil at the shaft seal");
        given().contentType(ContentType.JSON).body(Json.batch(report, log)).post("/api/v1/records").then()
                .statusCode(200);
        ClassifyTest.awaitClassified(db, index, 2);
        long id = db.count("SELECT id FROM records WHERE external_id = 'QR-B1'");
        given().get("/api/v1/records/" + id).then().statusCode(200)
                .body("faultClass", equalTo("Dimensional"))
                .body("classification.model", startsWith("defect-classifier@"));
        given().get("/api/v1/records?faultClass=Leaking").then().body("items.externalId", equalTo(List.of("QR-B2")));
        given().queryParam("q", "bore pump").queryParam("faultClass", "Dimensional").get("/api/v1/search").then()
                .statusCode(200).body("items.record.externalId", equalTo(List.of("QR-B1")))
                .body("facets.faultClass.Dimensional", equalTo(1));

        Api.Session engineer = Api.user("qr-eng-" + Api.RUN, "engineer");
        String page = engineer.given().get("/records/" + id).then().statusCode(200).extract().asString();
        assertTrue(page.contains("Defect class") && page.contains("<option selected>Dimensional</option>")
                && page.contains("<option >Documentation</option>") && !page.contains(">Leaking</option>"), page);
        String trends = engineer.given().get("/trends?kind=quality_report&from=2024-02-26&to=2024-03-11").then()
                .statusCode(200).extract().asString();
        assertTrue(trends.contains("Pareto of defect classes") && trends.contains(">Dimensional</a>")
                && !trends.contains(">Leaking</a>"), trends);
        // a failure mode is no label for a quality report, nor a defect class for a maintenance log
        engineer.given().header("X-CSRF-Token", engineer.csrf()).contentType(ContentType.JSON)
                .body(Map.of("label", "Leaking")).put("/api/v1/records/" + id + "/fault-class").then()
                .statusCode(422).body("errors.reason", hasItem(containsString("/api/v1/defect-classes")));
        long logId = db.count("SELECT id FROM records WHERE external_id = 'QR-B2'");
        engineer.given().header("X-CSRF-Token", engineer.csrf()).contentType(ContentType.JSON)
                .body(Map.of("label", "Dimensional")).put("/api/v1/records/" + logId + "/fault-class").then()
                .statusCode(422).body("errors.reason", hasItem(containsString("/api/v1/fault-classes")));
        assertEquals(0, db.count("SELECT count(*) FROM fault_class_corrections"));
    }

    @Test
    void anUnknownKindIsA422NamingTheField() {
        given().contentType(ContentType.JSON).body(Map.of("text", "scratch on cover", "kind", "qualtiy_report"))
                .post("/api/v1/classify").then().statusCode(422).body("errors.field", hasItem("kind"))
                .body("errors.reason", hasItem(containsString("quality_report")));
    }

    @Test
    void anEngineersDefectClassOnAQualityReportTeachesTheDefectModel() {
        String text = "customer says blue LED stays on after reset sequence";
        String before = classify(text).getString("label");
        String corrected = before.equals("Marking") ? "Documentation" : "Marking";
        Map<String, Object> report = Json.record("QR-1", text);
        report.put("kind", "quality_report");
        given().contentType(ContentType.JSON).body(Json.batch(report)).post("/api/v1/records").then().statusCode(200);
        long id = db.count("SELECT id FROM records WHERE external_id = 'QR-1'");
        Api.Session engineer = Api.user("qr-eng-" + Api.RUN, "engineer");
        engineer.given().header("X-CSRF-Token", engineer.csrf()).contentType(ContentType.JSON)
                .body(Map.of("label", corrected)).put("/api/v1/records/" + id + "/fault-class").then()
                .statusCode(200).body("label", equalTo(corrected));
        assertEquals(1, db.count("SELECT count(*) FROM audit_log WHERE action = 'fault_class.correct'"
                + " AND entity_id = '" + id + "' AND actor = 'qr-eng-" + Api.RUN + "'"));

        JsonPath after = classify(text);
        assertEquals(corrected, after.getString("label"), after.prettify());
        assertNotEquals(before, corrected);
        List<Map<String, Object>> evidence = after.getList("evidence");
        assertTrue(evidence.stream().anyMatch(e -> ((Number) e.getOrDefault("recordId", -1)).longValue() == id
                && "engineer's correction".equals(e.get("origin"))), evidence.toString());
        // the fault classifier's own labels are untouched: a defect class is not a failure mode
        given().get("/api/v1/fault-classes").then().body("label", org.hamcrest.Matchers.not(hasItem(corrected)));
    }
}
