package dev.faultline.classify;

import static dev.faultline.Api.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClassifyTest {

    @Inject
    TestDatabase db;

    @Inject
    TestIndex index;

    @BeforeEach
    void clean() {
        db.clear();
        awaitModel();
    }

    @Test
    void classifyAnswersLabelConfidenceAlternativesModelAndEvidence() {
        JsonPath answer = given().contentType(ContentType.JSON).body(Map.of("text", "motor over heating"))
                .post("/api/v1/classify").then().statusCode(200).extract().jsonPath();
        assertEquals("Overheating", answer.getString("label"));
        assertTrue(answer.getDouble("confidence") > 0.4 && answer.getDouble("confidence") <= 1.0);
        List<Map<String, Object>> alternatives = answer.getList("alternatives");
        assertEquals("Overheating", alternatives.getFirst().get("label"));
        for (int i = 1; i < alternatives.size(); i++) {
            assertTrue(((Number) alternatives.get(i - 1).get("confidence")).doubleValue()
                    >= ((Number) alternatives.get(i).get("confidence")).doubleValue(), "alternatives by confidence");
        }
        assertTrue(answer.getString("model").startsWith("fault-classifier@v"));
        List<Map<String, Object>> evidence = answer.getList("evidence");
        assertEquals(3, evidence.size());
        assertTrue(evidence.stream().anyMatch(e -> e.get("label").equals("Overheating")), evidence.toString());
        assertTrue(evidence.stream().allMatch(e -> e.get("text") != null && e.get("similarity") != null));
    }

    @Inject
    ClassifierModels models;

    @Test
    void eachModelVersionIsDecodedOncePerInstance() {
        models.current();
        int decoded = models.decoded();
        for (int i = 0; i < 20; i++) {
            given().contentType(ContentType.JSON).body(Map.of("text", "pump seal leaking " + i))
                    .post("/api/v1/classify").then().statusCode(200);
        }
        assertEquals(decoded, models.decoded(), "classifying reads no model again");
        // a newer version made for another embedding model is not ours: it is not read on every call either
        db.execute("INSERT INTO classifier_models (embedding_model, taxonomy, examples, corrections, payload)"
                + " VALUES ('another-model@1', 'another-taxonomy', 0, 0, '\\x00')");
        try {
            for (int i = 0; i < 5; i++) {
                given().contentType(ContentType.JSON).body(Map.of("text", "gearbox noisy " + i))
                        .post("/api/v1/classify").then().statusCode(200);
            }
            assertEquals(decoded, models.decoded());
        } finally {
            db.execute("DELETE FROM classifier_models WHERE embedding_model = 'another-model@1'");
        }
    }

    @Test
    void emptyOrMissingTextIsA422NamingTheField() {
        for (Object body : List.of(Map.of("text", ""), Map.of("text", "   "), Map.of())) {
            given().contentType(ContentType.JSON).body(body).post("/api/v1/classify").then()
                    .statusCode(422).body("errors.field", hasItem("text"));
        }
        given().contentType(ContentType.JSON).body(Map.of("text", "x".repeat(20_001))).post("/api/v1/classify")
                .then().statusCode(422).body("errors.field", hasItem("text"));
        given().contentType(ContentType.JSON).body("{\"text\": ").post("/api/v1/classify").then().statusCode(400);
    }

    @Test
    void garbageIsUnknownWithItsGuessesStillListed() {
        given().contentType(ContentType.JSON).body(Map.of("text", "qzxv wpkj ##"))
                .post("/api/v1/classify").then().statusCode(200)
                .body("label", equalTo("Unknown"))
                .body("confidence", lessThan(0.4f))
                .body("alternatives", hasSize(5));
    }

    @Test
    void recordsAreClassifiedInTheBackgroundAndSearchFiltersAndFacetsByClass() {
        given().contentType(ContentType.JSON).body(Json.batch(
                        Json.record("FC-1", "hydraulic pump leaking oil at the shaft seal"),
                        Json.record("FC-2", "gearbox running hot, overheating bearings"),
                        Json.record("FC-3", "conveyor motor tripped on earth fault")))
                .post("/api/v1/records").then().statusCode(200);
        awaitClassified(3);
        long leak = db.count("SELECT id FROM records WHERE external_id = 'FC-1'");
        given().get("/api/v1/records/" + leak).then().statusCode(200)
                .body("faultClass", equalTo("Leaking"))
                .body("classification.label", equalTo("Leaking"))
                .body("classification.source", equalTo("model"))
                .body("classification.confidence", greaterThan(0.4f))
                .body("classification.evidence", not(hasSize(0)));
        given().queryParam("q", "pump gearbox motor").queryParam("faultClass", "Leaking").get("/api/v1/search")
                .then().statusCode(200)
                .body("items.record.faultClass", everyItem(equalTo("Leaking")))
                .body("items", hasSize(1))
                .body("facets.faultClass.Leaking", equalTo(1));
        given().queryParam("faultClass", "Overheating").get("/api/v1/records").then().statusCode(200)
                .body("items.externalId", equalTo(List.of("FC-2")));
    }

    @Test
    void aCorrectionIsAuditedKeptAndChangesTheNextModelsPrediction() {
        String text = "sump pump cycling constantly, float sticking";
        String before = classify(text).getString("label");
        String corrected = before.equals("Contamination") ? "Noise" : "Contamination";
        given().contentType(ContentType.JSON).body(Json.batch(Json.record("FC-C", text))).post("/api/v1/records")
                .then().statusCode(200);
        awaitClassified(1);
        long id = db.count("SELECT id FROM records WHERE external_id = 'FC-C'");
        String previous = db.string("SELECT fault_class FROM record_faults WHERE record_id = " + id);
        Api.Session engineer = Api.user("fc-eng-" + Api.RUN, "engineer");

        engineer.given().header("X-CSRF-Token", engineer.csrf()).contentType(ContentType.JSON)
                .body(Map.of("label", corrected)).put("/api/v1/records/" + id + "/fault-class").then()
                .statusCode(200)
                .body("label", equalTo(corrected))
                .body("previousLabel", equalTo(previous))
                .body("previousSource", equalTo("model"))
                .body("correctedBy", equalTo("fc-eng-" + Api.RUN))
                .body("correctedAt", notNullValue());
        given().get("/api/v1/records/" + id).then().body("faultClass", equalTo(corrected))
                .body("classification.source", equalTo("engineer"));
        assertEquals(1, db.count("SELECT count(*) FROM audit_log WHERE action = 'fault_class.correct'"
                + " AND entity_id = '" + id + "' AND actor = 'fc-eng-" + Api.RUN + "' AND details->>'previousLabel' = '"
                + previous + "'"));
        given().get("/api/v1/records/" + id + "/fault-class/corrections").then().statusCode(200)
                .body("label", equalTo(List.of(corrected)));

        train(engineer);
        assertEquals(corrected, classify(text).getString("label"), "the next model learnt the correction");
        // the new model relabels model-labelled records but never the engineer's
        awaitClassified(1);
        assertEquals(corrected, db.string("SELECT fault_class FROM record_faults WHERE record_id = " + id));
        assertNotEquals(corrected, before);
    }

    @Test
    void aLabelOutsideTheTaxonomyOrAnUnknownRecordIsRefused() {
        given().contentType(ContentType.JSON).body(Json.batch(Json.record("FC-X", "valve stuck"))).post("/api/v1/records");
        long id = db.count("SELECT id FROM records WHERE external_id = 'FC-X'");
        Api.Session engineer = Api.user("fc-eng-" + Api.RUN, "engineer");
        engineer.given().header("X-CSRF-Token", engineer.csrf()).contentType(ContentType.JSON)
                .body(Map.of("label", "Exploded")).put("/api/v1/records/" + id + "/fault-class").then()
                .statusCode(422).body("errors.field", hasItem("label"));
        engineer.given().header("X-CSRF-Token", engineer.csrf()).contentType(ContentType.JSON)
                .body(Map.of("label", "Leaking")).put("/api/v1/records/987654321/fault-class").then().statusCode(404);
        assertEquals(0, db.count("SELECT count(*) FROM fault_class_corrections"));
        given().get("/api/v1/fault-classes").then().statusCode(200)
                .body("label", hasItem("Plugged / choked")).body("code", hasItem("PLU"));
    }

    @Test
    void retrainingWhileRecordsArriveLosesNothing() {
        Api.Session engineer = Api.user("fc-eng-" + Api.RUN, "engineer");
        long run = engineer.given().header("X-CSRF-Token", engineer.csrf()).post("/api/v1/classifier/training")
                .then().statusCode(202).extract().jsonPath().getLong("id");
        List<CompletableFuture<Integer>> writes = new ArrayList<>();
        for (int b = 0; b < 5; b++) {
            int batch = b;
            writes.add(CompletableFuture.supplyAsync(() -> {
                List<Map<String, Object>> records = new ArrayList<>();
                for (int i = 0; i < 60; i++) {
                    records.add(Json.record("FC-R-" + batch + "-" + i, "compressor " + i + " vibration high, batch " + batch));
                }
                return given().contentType(ContentType.JSON).body(Map.of("records", records)).post("/api/v1/records")
                        .statusCode();
            }));
        }
        writes.forEach(w -> assertEquals(200, w.join()));
        awaitRun(run);
        awaitClassified(300);
        assertEquals(300, db.count("SELECT count(*) FROM records WHERE external_id LIKE 'FC-R-%'"));
        assertEquals(300, db.count("SELECT count(*) FROM records r JOIN record_faults f ON f.record_id = r.id"
                + " WHERE r.external_id LIKE 'FC-R-%' AND f.fault_model IS NOT NULL"));
        given().get("/api/v1/classifier/training/" + run).then().body("status", equalTo("done"))
                .body("progress", equalTo(1.0f));
    }

    @Test
    void aSiteCanUseItsOwnSubsetOfTheTaxonomy() {
        String site = "SITE-" + Api.RUN;
        Map<String, Object> record = Json.record("FC-S", "conveyor motor tripped on earth fault");
        record.put("asset", Map.of("id", "FC-S-MOTOR", "site", site));
        given().contentType(ContentType.JSON).body(Json.batch(record)).post("/api/v1/records").then().statusCode(200);
        awaitClassified(1);
        Api.Session admin = Api.login("admin", Api.ADMIN_PASSWORD);
        admin.given().header("X-CSRF-Token", admin.csrf()).contentType(ContentType.JSON)
                .body(Map.of("labels", List.of("Leaking", "Exploded"))).put("/api/v1/sites/" + site + "/fault-classes")
                .then().statusCode(422).body("errors.field", hasItem("labels"));
        admin.given().header("X-CSRF-Token", admin.csrf()).contentType(ContentType.JSON)
                .body(Map.of("labels", List.of("Leaking", "Vibration"))).put("/api/v1/sites/" + site + "/fault-classes")
                .then().statusCode(200).body("label", equalTo(List.of("Leaking", "Vibration")));
        given().queryParam("site", site).get("/api/v1/fault-classes").then()
                .body("label", equalTo(List.of("Leaking", "Vibration")));
        given().get("/api/v1/fault-classes").then().body("label", hasItem("Electrical"));
        // the site's records are classified again, among its own labels only
        awaitClassified(1);
        String label = db.string("SELECT f.fault_class FROM record_faults f JOIN records r ON r.id = f.record_id"
                + " WHERE r.external_id = 'FC-S'");
        assertTrue(List.of("Leaking", "Vibration", "Unknown").contains(label), label);
        JsonPath answer = given().contentType(ContentType.JSON)
                .body(Map.of("text", "motor tripped on earth fault", "site", site)).post("/api/v1/classify").then()
                .statusCode(200).extract().jsonPath();
        assertTrue(List.of("Leaking", "Vibration").containsAll(answer.getList("alternatives.label")),
                answer.getList("alternatives.label").toString());
        assertEquals("Electrical", classify("motor tripped on earth fault").getString("label"));
        admin.given().header("X-CSRF-Token", admin.csrf()).contentType(ContentType.JSON)
                .body(Map.of("labels", List.of())).put("/api/v1/sites/" + site + "/fault-classes")
                .then().statusCode(200).body("label", hasItem("Electrical"));
    }

    static JsonPath classify(String text) {
        return given().contentType(ContentType.JSON).body(Map.of("text", text)).post("/api/v1/classify").then()
                .statusCode(200).extract().jsonPath();
    }

    private void train(Api.Session engineer) {
        awaitRun(engineer.given().header("X-CSRF-Token", engineer.csrf()).post("/api/v1/classifier/training")
                .then().statusCode(202).extract().jsonPath().getLong("id"));
    }

    private static void awaitRun(long id) {
        long until = System.currentTimeMillis() + 180_000;
        while (true) {
            String status = given().get("/api/v1/classifier/training/" + id).then().statusCode(200).extract()
                    .jsonPath().getString("status");
            if (status.equals("done")) {
                return;
            }
            if (status.equals("failed") || System.currentTimeMillis() > until) {
                throw new AssertionError("training run " + id + " ended " + status);
            }
            sleep();
        }
    }

    /** Waits until the first model exists (trained at start when the test database has none). */
    static void awaitModel() {
        long until = System.currentTimeMillis() + 180_000;
        while (given().get("/api/v1/classifier").then().statusCode(200).extract().jsonPath().get("version") == null) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("no classifier was trained");
            }
            sleep();
        }
    }

    private void awaitClassified(int atLeast) {
        awaitClassified(db, index, atLeast);
    }

    /** Waits until the index and classify queues are empty and at least this many records have a class. */
    static void awaitClassified(TestDatabase db, TestIndex index, int atLeast) {
        index.awaitEmpty();
        long until = System.currentTimeMillis() + 120_000;
        while (db.count("SELECT count(*) FROM classify_queue") > 0
                || db.count("SELECT count(*) FROM record_faults") < atLeast) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("records were not classified");
            }
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
