package dev.faultline.predict;

import static dev.faultline.Api.given;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Real reference data (data/cmapss, data/ai4i2020) put into the app through its public API, for model tests. */
final class Fixtures {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private Fixtures() {}

    static void asset(String id, String type, String site) {
        given().contentType(ContentType.JSON).body(Map.of("type", type, "site", site))
                .put("/api/v1/assets/" + id).then().statusCode(200);
    }

    /**
     * Engines of a C-MAPSS file as a wide readings CSV (asset, cycle, s1..s21), the first {@code cycles} of each
     * (all when 0); answers each engine's last cycle.
     */
    static Map<String, Integer> engines(String file, String prefix, List<Integer> units, int cycles, StringBuilder csv)
            throws IOException {
        Map<String, Integer> last = new java.util.LinkedHashMap<>();
        if (csv.isEmpty()) {
            csv.append("asset,cycle");
            for (int s = 1; s <= 21; s++) {
                csv.append(",s").append(s);
            }
            csv.append('\n');
        }
        for (String line : Files.readAllLines(Path.of("data/cmapss/" + file))) {
            String[] p = line.strip().split("\\s+");
            if (line.isBlank() || !units.contains(Integer.parseInt(p[0]))) {
                continue;
            }
            int cycle = Integer.parseInt(p[1]);
            if (cycles > 0 && cycle > cycles) {
                continue;
            }
            String id = prefix + p[0];
            csv.append(id).append(',').append(cycle);
            for (int s = 5; s < 26; s++) {
                csv.append(',').append(p[s]);
            }
            csv.append('\n');
            last.merge(id, cycle, Math::max);
        }
        return last;
    }

    static Instant cycle(int n) {
        return START.plus(n, ChronoUnit.HOURS);
    }

    static JsonPath importReadings(String csv) throws InterruptedException {
        String id = given().multiPart("file", "readings.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("target", "readings").multiPart("cycleStart", START.toString())
                .multiPart("cycleLength", "PT1H").post("/api/v1/imports").then().statusCode(202).extract().path("id");
        for (int i = 0; i < 600; i++) {
            JsonPath job = given().get("/api/v1/imports/" + id).then().statusCode(200).extract().jsonPath();
            if (job.getString("state").equals("completed")) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import " + id + " did not finish");
    }

    /** A failure record of an asset (tagged 'failure'), with its failure types. */
    static Map<String, Object> failure(String asset, Instant at, String types, String id) {
        return Map.of("source", "test-failures", "externalId", id, "kind", "work_order", "asset", Map.of("id", asset),
                "occurredAt", at.toString(), "text", "Failure of " + asset + " (test fixture from reference data)",
                "fields", types == null ? Map.of() : Map.of("failure_type", types), "tags", List.of("failure"));
    }

    static void records(List<Map<String, Object>> records) {
        for (int i = 0; i < records.size(); i += 500) {
            given().contentType(ContentType.JSON).body(Map.of("records", records.subList(i, Math.min(records.size(), i + 500))))
                    .post("/api/v1/records").then().statusCode(200);
        }
    }

    /** Queues a training run and waits for it; answers the finished run. */
    static JsonPath train(String predictor) throws InterruptedException {
        long run = given().post("/api/v1/predictors/" + predictor + "/training").then().statusCode(202)
                .body("state", equalTo("queued")).extract().jsonPath().getLong("id");
        for (int i = 0; i < 1200; i++) {
            JsonPath r = given().get("/api/v1/predictors/" + predictor + "/training/" + run).then().statusCode(200)
                    .extract().jsonPath();
            if (List.of("done", "failed").contains(r.getString("state"))) {
                return r;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("training " + predictor + " did not finish");
    }

    /** Waits until the asset has at least {@code n} stored predictions of the model; answers the history. */
    static List<Map<String, Object>> awaitHistory(String asset, String model, int n) throws InterruptedException {
        List<Map<String, Object>> history = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            history = given().queryParam("model", model).get("/api/v1/assets/" + asset + "/predictions/history")
                    .then().statusCode(200).extract().jsonPath().getList("$");
            if (history.size() >= n) {
                return history;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(asset + " has " + history.size() + " predictions of " + model + ", expected " + n);
    }
}
