package dev.faultline.sensor;

import static dev.faultline.Api.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.faultline.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Readings files as import jobs: both layouts, cycles mapped to time, failed rows named, re-import harmless. */
@QuarkusTest
class ReadingsImportTest {

    @Inject
    TestDatabase db;

    @BeforeEach
    void empty() {
        db.clear();
    }

    static RequestSpecification upload(String name, String content) {
        return given().multiPart("file", name, content.getBytes(StandardCharsets.UTF_8), "application/octet-stream")
                .multiPart("target", "readings");
    }

    static JsonPath run(RequestSpecification request) throws InterruptedException {
        String id = request.post("/api/v1/imports").then().statusCode(202).body("target", equalTo("readings"))
                .extract().path("id");
        for (int i = 0; i < 300; i++) {
            JsonPath job = given().get("/api/v1/imports/" + id).then().statusCode(200).extract().jsonPath();
            if (List.of("completed", "failed").contains(job.getString("state"))) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import " + id + " did not finish");
    }

    @Test
    void aWideFileGivesOneReadingPerCellAndAgainChangesNothing() throws InterruptedException {
        String wide = """
                asset,time,vibration_rms,bearing_temp
                P-101,2026-11-30T08:00:00Z,4.2,61.5
                P-101,2026-11-30T08:01:00Z,4.4,
                P-102,2026-11-30T08:00:00Z,1.1,55
                P-102,2026-11-30T08:01:00Z,high,55
                """;
        JsonPath job = run(upload("pumps.csv", wide));
        assertEquals("completed", job.getString("state"));
        assertEquals(3, job.getInt("rowsDone"));
        assertEquals(1, job.getInt("rowsFailed"));
        assertEquals(5, job.getInt("created"), "one reading per filled cell");
        assertEquals(List.of(Map.of("line", 5, "field", "vibration_rms", "reason", "'high' is not a finite number")),
                job.getList("errors"));
        given().get("/api/v1/assets/P-101/sensors").then().body("name", equalTo(List.of("bearing_temp", "vibration_rms")));
        JsonPath again = run(upload("pumps.csv", wide));
        assertEquals(0, again.getInt("created"));
        assertEquals(5, again.getInt("unchanged"));
    }

    @Test
    void aLongTsvCountedInCyclesMapsCyclesToTime() throws InterruptedException {
        String tsv = "asset\tsensor\tcycle\tvalue\nENG-1\ts2\t1\t641.82\nENG-1\ts2\t2\t642.15\nENG-1\ts3\t2\t1591.8\n";
        JsonPath job = run(upload("engine.tsv", tsv).multiPart("cycleStart", "2026-01-01T00:00:00Z")
                .multiPart("cycleLength", "PT1H"));
        assertEquals(3, job.getInt("created"));
        given().queryParam("sensor", "s2").get("/api/v1/assets/ENG-1/readings").then().statusCode(200)
                .body("from", equalTo("2026-01-01T01:00:00Z"))
                .body("series[0].t", equalTo(List.of(1767229200.0f, 1767232800.0f)));
    }

    @Test
    void filesThatCannotBeReadAreRefusedBeforeAJobExists() {
        upload("x.csv", "time,value\n2026-01-01T00:00:00Z,1\n").post("/api/v1/imports").then().statusCode(400)
                .body("detail", containsString("'asset' column"));
        upload("x.csv", "asset,cycle,s1\nE,1,2\n").multiPart("cycleLength", "an hour").post("/api/v1/imports").then()
                .statusCode(400).body("errors.field", hasItem("cycleLength"));
        upload("x.jsonl", "{}\n").post("/api/v1/imports").then().statusCode(400).body("errors.field", hasItem("format"));
        upload("x.csv", "asset,time,s1\nE,2026-01-01T00:00:00Z,2\n").multiPart("mapping", "{}").post("/api/v1/imports")
                .then().statusCode(400).body("errors.field", hasItem("mapping"));
        upload("x.csv", "asset,time,s1\n").post("/api/v1/imports").then().statusCode(400)
                .body("detail", containsString("no data rows"));
        given().multiPart("file", "x.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)).multiPart("target", "sensors")
                .post("/api/v1/imports").then().statusCode(400).body("errors.field", hasItem("target"));
        assertEquals(0, db.count("SELECT count(*) FROM import_jobs"));
    }
}
