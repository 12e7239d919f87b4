package dev.faultline.imports;

import static dev.faultline.Api.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

@QuarkusTest
class ImportResourceTest {

    static final String MAINTNET_CSV =
            """
            \uFEFFIDENT,PROBLEM,ACTION
            100001,ENGINE IDLE OVERRIDE KILLED ENGINE.,"TRIED TO ADJUST IDLE SEVERAL TIMES, WOULDN'T ADJUST."
            100002,ENGINE IDLE OVERRIDE KILLED ENGINE.,REMOVED & REPLACED FUEL SERVO
            100005,#2 & 4 CYL ROCKER COVER GASKETS ARE LEAKING.,"REMOVED & REPLACED GASKETS.
            SAFETY WIRED."
            """;
    static final String MAINTNET_MAPPING =
            "{\"externalId\":\"IDENT\",\"text\":\"PROBLEM\",\"fields.problem\":\"PROBLEM\",\"fields.action\":\"ACTION\"}";

    @Inject
    TestDatabase db;

    @BeforeEach
    void empty() {
        db.clear();
    }

    static RequestSpecification upload(String name, String content) {
        return given().multiPart("file", name, content.getBytes(StandardCharsets.UTF_8), "application/octet-stream");
    }

    static String submit(RequestSpecification request) {
        return request.post("/api/v1/imports").then()
                .statusCode(202)
                .header("Location", containsString("/api/v1/imports/"))
                .extract().path("id");
    }

    static JsonPath awaitFinished(String id) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            JsonPath job = given().get("/api/v1/imports/" + id).then().statusCode(200).extract().jsonPath();
            if (List.of("completed", "failed").contains(job.getString("state"))) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import " + id + " did not finish in 30 s");
    }

    @Test
    void importsCsvWithAColumnMapping() throws InterruptedException {
        String id = submit(upload("maintnet.csv", MAINTNET_CSV).multiPart("mapping", MAINTNET_MAPPING)
                .multiPart("source", "maintnet"));
        JsonPath job = awaitFinished(id);
        assertEquals("completed", job.getString("state"));
        assertEquals(3, job.getInt("rowsTotal"));
        assertEquals(3, job.getInt("rowsDone"));
        assertEquals(3, job.getInt("created"));
        assertEquals(100.0, job.getDouble("percent"));
        given().queryParam("source", "maintnet").get("/api/v1/records").then()
                .body("total", equalTo(3))
                .body("items.find { it.externalId == '100005' }.fields.action",
                        equalTo("REMOVED & REPLACED GASKETS.\nSAFETY WIRED."))
                .body("items.find { it.externalId == '100005' }.kind", equalTo("maintenance_log"));
    }

    @Test
    void reimportingTheSameFileChangesNothing() throws InterruptedException {
        awaitFinished(submit(upload("m.csv", MAINTNET_CSV).multiPart("mapping", MAINTNET_MAPPING)));
        String before = given().get("/api/v1/records").then().extract().path("items[0].updatedAt");
        JsonPath again = awaitFinished(submit(upload("m.csv", MAINTNET_CSV).multiPart("mapping", MAINTNET_MAPPING)));
        assertEquals(3, again.getInt("unchanged"));
        assertEquals(0, again.getInt("created") + again.getInt("updated"));
        assertEquals(3, db.records());
        given().get("/api/v1/records").then().body("items[0].updatedAt", equalTo(before));
    }

    @Test
    void badRowsAreReportedByLineAndDoNotBlockTheOthers() throws InterruptedException {
        String csv =
                """
                externalId,text,kind,occurredAt,asset.id,asset.site
                A1,pump seal leaking,work_order,2024-02-01,P-1,Plant A
                A2,,work_order,2024-02-01,P-1,Plant A
                A3,motor hot,memo,2024-02-31,P-2,Plant A
                A4,"quoted, with comma",inspection_note,2024-02-03T10:00:00,P-2,Plant A
                A5,too few columns
                """;
        JsonPath job = awaitFinished(submit(upload("wo.csv", csv)));
        assertEquals("completed", job.getString("state"));
        assertEquals(5, job.getInt("rowsTotal"));
        assertEquals(2, job.getInt("rowsDone"));
        assertEquals(3, job.getInt("rowsFailed"));
        List<Map<String, Object>> errors = job.getList("errors");
        assertEquals(List.of(
                Map.of("field", "text", "line", 3, "reason", "is required"),
                Map.of("field", "kind", "line", 4, "reason", "unknown kind 'memo'; use one of maintenance_log, work_order, inspection_note, quality_report, incident_report"),
                Map.of("field", "occurredAt", "line", 4, "reason", "'2024-02-31' is not an ISO-8601 date or date-time (e.g. 2024-03-01T08:15:00Z)"),
                Map.of("field", "file", "line", 6, "reason", "has 2 columns; the header has 6")), errors);
        assertEquals(2, db.records());
        assertEquals(1, db.count("SELECT count(*) FROM records WHERE external_id = 'A4' AND kind = 'inspection_note'"));
        // the list shows them too (the imports page reads it), and all of them download as CSV
        String id = job.getString("id");
        given().get("/api/v1/imports").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.errors.line", equalTo(List.of(3, 4, 4, 6)));
        String csvErrors = given().get("/api/v1/imports/" + id + "/errors.csv").then().statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("import-" + id + "-errors.csv")).extract().asString();
        assertEquals("""
                line,field,reason\r
                3,text,is required\r
                4,kind,"unknown kind 'memo'; use one of maintenance_log, work_order, inspection_note, quality_report, incident_report"\r
                4,occurredAt,'2024-02-31' is not an ISO-8601 date or date-time (e.g. 2024-03-01T08:15:00Z)\r
                6,file,has 2 columns; the header has 6\r
                """, csvErrors);
    }

    @Test
    void importsJsonLinesInTheRecordShape() throws InterruptedException {
        String jsonl =
                """
                {"source":"faa","externalId":"X1","kind":"incident_report","asset":{"id":"9812X","name":"CESSNA 185","type":"aircraft"},"occurredAt":"1975-03-15","text":"TAILWHEEL COCKED RIGHT PRIOR TO TKOF."}

                {"source":"faa","externalId":"X2","text":"ENGINE QUIT","bogus":1}
                {"source":"faa","externalId":"X3","text":"GEAR COLLAPSED"
                """;
        JsonPath job = awaitFinished(submit(upload("faa.jsonl", jsonl)));
        assertEquals(3, job.getInt("rowsTotal"));
        assertEquals(1, job.getInt("rowsDone"));
        assertEquals(2, job.getInt("rowsFailed"));
        assertEquals(List.of(3, 4), job.getList("errors.line"));
        assertEquals("bogus", ((String) job.getList("errors.reason").get(0)).replaceAll(".*'(.*)'.*", "$1"));
        given().get("/api/v1/assets/9812X").then().body("name", equalTo("CESSNA 185"));
    }

    @Test
    void listsRecentImports() throws InterruptedException {
        String id = submit(upload("m.csv", MAINTNET_CSV).multiPart("mapping", MAINTNET_MAPPING));
        awaitFinished(id);
        given().get("/api/v1/imports").then().statusCode(200).body("id", hasItem(id));
        assertTrue(db.count("SELECT count(*) FROM import_jobs WHERE state = 'completed'") >= 1);
    }
}
