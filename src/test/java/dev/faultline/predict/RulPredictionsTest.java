package dev.faultline.predict;

import static dev.faultline.Api.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RUL models trained in the app from run-to-failure histories stored in the database (12 C-MAPSS FD001 training
 * engines, their ends marked by failure records), versioned, predicting a live engine when its readings arrive.
 */
@QuarkusTest
class RulPredictionsTest {

    static final List<Integer> HISTORY = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);

    @Inject
    TestDatabase db;

    @BeforeEach
    void empty() {
        db.clear();
    }

    @Test
    void trainsVersionsAndPredictsOnNewReadings() throws Exception {
        StringBuilder csv = new StringBuilder();
        Map<String, Integer> last = Fixtures.engines("train_FD001.txt", "H-", HISTORY, 0, csv);
        // live engine: test unit 1 (31 cycles, true RUL 112), first 25 cycles now, the rest later
        Fixtures.engines("test_FD001.txt", "LIVE-", List.of(1), 25, csv);
        last.keySet().forEach(id -> Fixtures.asset(id, "turbofan", "Hangar East"));
        Fixtures.asset("LIVE-1", "turbofan", "Hangar East");
        Fixtures.importReadings(csv.toString());
        List<Map<String, Object>> failures = new ArrayList<>();
        last.forEach((id, cycle) -> failures.add(Fixtures.failure(id, Fixtures.cycle(cycle), null, id)));
        Fixtures.records(failures);

        given().contentType(ContentType.JSON).body(Map.of("kind", "rul", "assetType", "turbofan"))
                .put("/api/v1/predictors/rul-test").then().statusCode(200).body("latest", equalTo(null));
        JsonPath run = Fixtures.train("rul-test");
        assertEquals("done", run.getString("state"), run.prettify());
        assertEquals(1, run.getInt("version"));
        JsonPath v1 = given().get("/api/v1/predictors/rul-test").then().statusCode(200).extract().jsonPath();
        assertEquals(12, v1.getInt("latest.assets"));
        assertEquals(last.values().stream().mapToInt(Integer::intValue).sum(), v1.getInt("latest.rows"),
                "one row per cycle of each history");
        assertEquals(Fixtures.cycle(1).toString(), v1.getString("latest.dataFrom"));
        List<String> sensors = v1.getList("latest.features.sensors");
        assertFalse(sensors.contains("s1") || sensors.contains("s5") || sensors.contains("s18"), "flat sensors left out: " + sensors);
        assertTrue(sensors.containsAll(List.of("s2", "s4", "s11", "s15")), sensors.toString());
        assertTrue(v1.getDouble("latest.metrics.heldOutRmse") > 0, "measured on held-out engines");
        assertEquals(400, v1.getInt("latest.params.rounds"));

        // the live engine got a prediction from v1 (queued when the version was stored)
        Map<String, Object> first = Fixtures.awaitHistory("LIVE-1", "rul-test", 1).getFirst();
        assertEquals(Fixtures.cycle(25).toString(), first.get("asOf"));

        // a second training makes v2; the live engine is predicted again by it
        assertEquals(2, Fixtures.train("rul-test").getInt("version"));
        given().get("/api/v1/predictors/rul-test/versions").then().statusCode(200).body("version", equalTo(List.of(2, 1)));
        Fixtures.awaitHistory("LIVE-1", "rul-test", 2);

        // new readings (cycles 26-31 through the API) queue the engine; after the debounce it is predicted again
        List<Map<String, Object>> readings = new ArrayList<>();
        StringBuilder rest = new StringBuilder();
        Fixtures.engines("test_FD001.txt", "LIVE-", List.of(1), 0, rest);
        for (String line : rest.toString().split("\n")) {
            String[] p = line.split(",");
            if (p[0].equals("LIVE-1") && Integer.parseInt(p[1]) > 25) {
                for (int s = 1; s <= 21; s++) {
                    readings.add(Map.of("asset", "LIVE-1", "sensor", "s" + s,
                            "time", Fixtures.cycle(Integer.parseInt(p[1])).toString(), "value", Double.parseDouble(p[s + 1])));
                }
            }
        }
        given().contentType(ContentType.JSON).body(Map.of("readings", readings)).post("/api/v1/sensor-readings")
                .then().statusCode(200).body("inserted", equalTo(readings.size()));
        List<Map<String, Object>> history = Fixtures.awaitHistory("LIVE-1", "rul-test", 3);
        assertEquals(Fixtures.cycle(31).toString(), history.getLast().get("asOf"));

        JsonPath latest = given().get("/api/v1/assets/LIVE-1/predictions").then().statusCode(200).extract().jsonPath();
        assertEquals("rul-test", latest.getString("predictions[0].model"));
        assertEquals(2, latest.getInt("predictions[0].version"));
        assertEquals("rul", latest.getString("predictions[0].kind"));
        assertEquals("cycles", latest.getString("predictions[0].unit"));
        double rul = latest.getDouble("predictions[0].value");
        // unit 1 of the test set is healthy (true RUL 112): a model that learnt anything says it has long to go
        assertTrue(rul > 60 && rul <= 125, "predicted RUL " + rul);
        assertFalse(latest.getBoolean("atRisk"));
        List<Map<String, Object>> top = latest.getList("predictions[0].topFeatures");
        assertFalse(top.isEmpty());
        top.forEach(t -> assertTrue(sensors.contains(t.get("sensor")) || "cycles run".equals(t.get("sensor")), t.toString()));
        assertTrue(top.stream().anyMatch(t -> ((Number) t.get("contribution")).doubleValue() != 0));

        // a threshold for the site turns the same prediction into "at risk", with the reason
        given().contentType(ContentType.JSON).body(Map.of("kind", "rul", "site", "Hangar East", "atMost", 126))
                .put("/api/v1/risk-thresholds").then().statusCode(200);
        given().get("/api/v1/assets/LIVE-1/predictions").then().body("atRisk", equalTo(true))
                .body("predictions[0].reason", org.hamcrest.Matchers.containsString("threshold for site Hangar East"));
        given().queryParam("kind", "rul").get("/api/v1/at-risk").then().statusCode(200).body("asset.id", equalTo(List.of("LIVE-1")));
        // Ask shows the asset's prediction apart from the records, as a prediction, and never in the answer text
        JsonPath ask = given().contentType(ContentType.JSON)
                .body(Map.of("question", "is this engine going to fail soon?", "filters", Map.of("asset", "LIVE-1")))
                .post("/api/v1/ask").then().statusCode(200).extract().jsonPath();
        assertEquals("LIVE-1", ask.getString("predictions[0].asset"));
        assertTrue(ask.getString("predictions[0].text").matches("predicted RUL \\d+ cycles \\(model rul-test v2, readings up to 2026-01-02\\)"),
                ask.getString("predictions[0].text"));
        assertFalse(ask.getString("answer").contains("predicted RUL"), ask.getString("answer"));

        // a summary of the asset lists its predictions apart from the summary text
        JsonPath summary = given().contentType(ContentType.JSON).body(Map.of("filter", Map.of("asset", "LIVE-1")))
                .post("/api/v1/summaries").then().statusCode(200).extract().jsonPath();
        assertEquals("rul-test", summary.getString("predictions[0].model"));
        assertFalse(summary.getString("summary").contains("RUL"), summary.getString("summary"));

        // the failed engines are not predicted: they have no readings since their failure
        given().get("/api/v1/assets/H-1/predictions").then().statusCode(200).body("predictions", equalTo(List.of()));

        // a record of the asset shows its prediction in the reader's language
        long record = given().contentType(ContentType.JSON).body(Map.of("records", List.of(Map.of("source", "t",
                "externalId", "LIVE-1-log", "asset", Map.of("id", "LIVE-1"), "text", "borescope inspection, no findings"))))
                .post("/api/v1/records").then().statusCode(200).extract().jsonPath().getLong("results[0].id");
        dev.faultline.Api.Session admin = dev.faultline.Api.login("admin", dev.faultline.Api.ADMIN_PASSWORD);
        admin.given().header("Accept-Language", "zh-CN").get("/records/" + record).then().statusCode(200)
                .body(org.hamcrest.Matchers.matchesPattern("(?s).*剩余寿命 \\d+ 个周期.*"));
        admin.given().header("Accept-Language", "en").get("/records/" + record).then().statusCode(200)
                .body(org.hamcrest.Matchers.matchesPattern("(?s).*RUL \\d+ cycles.*"));
    }

    @Test
    void badDefinitionsAndTrainingWithoutFailuresAreExplained() throws Exception {
        given().contentType(ContentType.JSON).body(Map.of("kind", "weather", "assetType", " "))
                .put("/api/v1/predictors/Bad Name").then().statusCode(422)
                .body("errors.field", hasItems("name", "kind", "assetType"));
        given().post("/api/v1/predictors/nothing-here/training").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("kind", "rul", "atLeast", 0.5))
                .put("/api/v1/risk-thresholds").then().statusCode(422).body("errors.field", hasItems("atMost", "atLeast"));
        given().get("/api/v1/assets/LIVE-1/predictions/history").then().statusCode(400);
        given().queryParam("kind", "fish").get("/api/v1/at-risk").then().statusCode(400);

        StringBuilder csv = new StringBuilder();
        Fixtures.engines("train_FD001.txt", "H-", List.of(1, 2), 50, csv);
        Fixtures.asset("H-1", "turbofan", "Hangar East");
        Fixtures.asset("H-2", "turbofan", "Hangar East");
        Fixtures.importReadings(csv.toString());
        given().contentType(ContentType.JSON).body(Map.of("kind", "rul", "assetType", "turbofan"))
                .put("/api/v1/predictors/rul-test").then().statusCode(200);
        JsonPath run = Fixtures.train("rul-test");
        assertEquals("failed", run.getString("state"));
        assertTrue(run.getString("error").contains("records tagged 'failure'"), run.getString("error"));
        given().get("/api/v1/predictors/rul-test/versions").then().body("size()", equalTo(0));
    }
}
