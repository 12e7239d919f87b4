package dev.faultline.trend;

import static dev.faultline.Api.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.TestDatabase;
import dev.faultline.digest.Seed;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Trends, Pareto, time between failures and CSV exports against the real database. */
@QuarkusTest
class TrendTest {

    private static final Instant MONDAY = Instant.parse("2026-03-02T08:00:00Z");

    @Inject
    TestDatabase db;

    @BeforeEach
    void seed() {
        db.clear();
        // week 1: 3 Leaking (P-1 twice, P-2), 1 Noise; week 2: 1 Leaking on P-1, 1 Noise; week 3: nothing
        Seed.record(db, "T-1", "P-1", "Plant A", MONDAY, "seal leaking", "Leaking");
        Seed.record(db, "T-2", "P-1", "Plant A", MONDAY.plus(2, ChronoUnit.DAYS), "seal leaking again", "Leaking");
        Seed.record(db, "T-3", "P-2", "Plant A", MONDAY.plus(3, ChronoUnit.DAYS), "flange leaking", "Leaking");
        Seed.record(db, "T-4", "P-2", "Plant A", MONDAY.plus(4, ChronoUnit.DAYS), "bearing noise", "Noise");
        Seed.record(db, "T-5", "P-1", "Plant A", MONDAY.plus(12, ChronoUnit.DAYS), "=HYPERLINK(\"x\") leak", "Leaking");
        Seed.record(db, "T-6", "P-3", "Plant B", MONDAY.plus(8, ChronoUnit.DAYS), "motor noise", "Noise");
    }

    private JsonPath trends(String by, String... params) {
        var request = given().queryParam("by", by).queryParam("interval", "week").queryParam("from", "2026-03-02")
                .queryParam("to", "2026-03-23");
        for (int i = 0; i < params.length; i += 2) {
            request = request.queryParam(params[i], params[i + 1]);
        }
        return request.get("/api/v1/trends").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void countsPerWeekByFailureModeWithEmptyWeeksAndAPareto() {
        JsonPath t = trends("faultClass");
        assertEquals(6, t.getLong("total"));
        assertEquals(List.of("Leaking", "Noise"), t.getList("keys"));
        assertEquals(List.of("2026-03-02", "2026-03-09", "2026-03-16"), t.getList("series.start"));
        assertEquals(3, t.getInt("series[0].counts.Leaking"));
        assertEquals(1, t.getInt("series[0].counts.Noise"));
        assertEquals(1, t.getInt("series[1].counts.Leaking"));
        assertEquals(0, t.getInt("series[2].total"));
        assertEquals(List.of("Leaking", "Noise"), t.getList("pareto.key"));
        assertEquals(66.7, t.getDouble("pareto[0].share"), 1e-9);
        assertEquals(100.0, t.getDouble("pareto[1].cumulative"), 1e-9);
        // P-1 leaked at day 0, 2 and 12: (12 - 0) / 2 = 6 days between failures
        assertEquals("P-1", t.getString("mtbf[0].asset"));
        assertEquals(6.0, t.getDouble("mtbf[0].mtbfDays"), 1e-6);
        assertEquals(3, t.getInt("mtbf[0].failures"));
        assertTrue(t.getString("mtbfMethod").contains("(records - 1)"));
    }

    @Test
    void filtersBySiteAndGroupsByAsset() {
        JsonPath t = trends("asset", "site", "Plant A");
        assertEquals(5, t.getLong("total"));
        assertEquals(List.of("P-1", "P-2"), t.getList("pareto.key"));
        assertEquals(List.of(3, 2), t.getList("pareto.count"));
    }

    @Test
    void badParametersAreNamed() {
        given().queryParam("by", "colour").get("/api/v1/trends").then().statusCode(400)
                .body("errors[0].field", equalTo("by"));
        given().queryParam("interval", "hour").get("/api/v1/trends").then().statusCode(400)
                .body("errors[0].field", equalTo("interval"));
        given().queryParam("from", "2026-03-10").queryParam("to", "2026-03-01").get("/api/v1/trends").then()
                .statusCode(400).body("errors[0].field", equalTo("to"));
        given().queryParam("interval", "day").queryParam("from", "2000-01-01").queryParam("to", "2026-01-01")
                .get("/api/v1/trends").then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().queryParam("zone", "Nowhere/Special").get("/api/v1/trends").then().statusCode(400)
                .body("errors[0].field", equalTo("zone"));
        given().queryParam("zone", "+05:00").get("/api/v1/trends").then().statusCode(400)
                .body("errors[0].field", equalTo("zone"));
    }

    @Test
    void eachTableDownloadsAsCsvWithTheSameNumbers() {
        String series = given().queryParam("from", "2026-03-02").queryParam("to", "2026-03-23")
                .get("/api/v1/trends/series.csv").then().statusCode(200).contentType("text/csv")
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")).extract().asString();
        assertEquals(List.of("week_start,Leaking,Noise,total", "2026-03-02,3,1,4", "2026-03-09,1,1,2",
                "2026-03-16,0,0,0"), series.lines().toList());
        String pareto = given().queryParam("by", "asset").queryParam("from", "2026-03-02").queryParam("to", "2026-03-23")
                .get("/api/v1/trends/pareto.csv").then().statusCode(200).extract().asString();
        assertEquals("P-1,3,50.0,50.0", pareto.lines().skip(1).findFirst().orElseThrow());
        given().get("/api/v1/trends/colours.csv").then().statusCode(404);
    }

    @Test
    void recordListExportsEveryMatchingRowAsCsvWithFormulasDefused() {
        // more rows than one cursor fetch (1,000), written straight into the table
        db.execute("INSERT INTO records (source, external_id, kind, asset_id, site, occurred_at, text, content_hash)"
                + " SELECT 'bulk', 'B-' || g, 'maintenance_log', 'P-1', 'Plant A', timestamptz '2025-01-01' + g *"
                + " interval '1 minute', 'bulk record ' || g, md5(g::text) FROM generate_series(1, 2500) g");
        String all = given().get("/api/v1/records/export.csv").then().statusCode(200).contentType("text/csv")
                .extract().asString();
        assertEquals(2500 + 6 + 1, all.lines().count());
        assertTrue(all.startsWith("id,source,external_id,kind,asset,site,occurred_at,author,title,text,fault_class"));
        String plantB = given().queryParam("site", "Plant B").get("/api/v1/records/export.csv").then()
                .statusCode(200).extract().asString();
        assertEquals(2, plantB.lines().count());
        String leaks = given().queryParam("faultClass", "Leaking").queryParam("sort", "oldest")
                .get("/api/v1/records/export.csv").then().statusCode(200).extract().asString();
        assertEquals(5, leaks.lines().count());
        assertTrue(leaks.contains("\"'=HYPERLINK(\"\"x\"\") leak\""), leaks);
        given().queryParam("kind", "memo").get("/api/v1/records/export.csv").then().statusCode(400)
                .body("errors[0].field", equalTo("kind"));
    }

    @Test
    void searchResultsExportAsCsvBestFirst() {
        String csv = given().queryParam("q", "leaking").queryParam("mode", "keyword")
                .get("/api/v1/search/export.csv").then().statusCode(200).contentType("text/csv").extract().asString();
        List<String> lines = csv.lines().toList();
        assertTrue(lines.get(0).endsWith(",score"));
        assertTrue(lines.size() >= 4 && lines.stream().skip(1).allMatch(l -> l.contains("leak")), csv);
        given().get("/api/v1/search/export.csv").then().statusCode(400).body("errors[0].field", equalTo("q"));
        given().queryParam("q", "x").get("/api/v1/trends").then().statusCode(200).body("keys", hasSize(2));
    }
}
