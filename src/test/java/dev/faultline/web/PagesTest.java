package dev.faultline.web;

import static dev.faultline.Api.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.Api;
import dev.faultline.Json;
import dev.faultline.TestDatabase;
import dev.faultline.TestIndex;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the first hour with the app showed: lists people can sort and filter, links that hold, cheap pages. */
@QuarkusTest
class PagesTest {

    static final String ODD = "Line 2/Pump #1?x";

    @Inject
    TestDatabase db;

    @Inject
    TestIndex index;

    Api.Session admin;

    @BeforeEach
    void seed() {
        db.clear();
        admin = Api.login("admin", Api.ADMIN_PASSWORD);
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Map<String, Object> r = Json.record("PG-" + i, "bearing " + i + " running hot, regreased");
            r.put("asset", Map.of("id", String.format("FAN-%02d", i), "site", "Plant C"));
            r.put("occurredAt", LocalDate.now().minusDays(i % 20) + "T08:00:00Z");
            records.add(r);
        }
        Map<String, Object> odd = Json.record("PG-ODD", "seal leaking at the gland, replaced packing");
        odd.put("asset", Map.of("id", ODD, "site", "Plant C"));
        odd.put("occurredAt", LocalDate.now().minusDays(2) + "T09:00:00Z");
        records.add(odd);
        Map<String, Object> again = Json.record("PG-ODD-2", "seal leaking again at the gland, packing tightened");
        again.put("asset", Map.of("id", ODD, "site", "Plant C"));
        again.put("occurredAt", LocalDate.now().minusDays(1) + "T09:00:00Z");
        records.add(again);
        given().contentType(ContentType.JSON).body(Map.of("records", records)).post("/api/v1/records").then()
                .statusCode(200);
    }

    @Test
    void theRecordListFiltersByWordsAndSorts() {
        admin.given().queryParam("q", "gland").get("/").then().statusCode(200)
                .body(containsString("seal leaking at the gland"))
                .body(not(containsString("running hot")));
        Api.given().queryParam("q", "gland seal").queryParam("sort", "oldest").get("/api/v1/records").then()
                .statusCode(200).body("total", equalTo(2))
                .body("items.externalId", equalTo(List.of("PG-ODD", "PG-ODD-2")));
        Api.given().queryParam("sort", "asset").queryParam("limit", 3).get("/api/v1/records").then()
                .body("items.asset.id", equalTo(List.of("FAN-00", "FAN-01", "FAN-02")));
        Api.given().queryParam("sort", "sideways").get("/api/v1/records").then().statusCode(400)
                .body("errors.field", hasItem("sort"));
        admin.given().queryParam("sort", "asset").queryParam("q", "bearing").get("/").then().statusCode(200)
                .body(containsString("sort=asset")).body(containsString("q=bearing"));
    }

    @Test
    void assetIdsWithSlashesHashesAndSpacesStayWholeInLinks() {
        String encoded = "/assets/Line%202%2FPump%20%231%3Fx";
        long id = db.count("SELECT id FROM records WHERE external_id = 'PG-ODD'");
        admin.given().get("/records/" + id).then().statusCode(200).body(containsString("href=\"" + encoded + "\""));
        admin.given().urlEncodingEnabled(false).get(encoded).then().statusCode(200)
                .body(containsString("seal leaking at the gland"));
        Api.given().urlEncodingEnabled(false).get("/api/v1/assets/Line%202%2FPump%20%231%3Fx").then()
                .statusCode(200).body("id", equalTo(ODD));
        // the assets list pages through 62 assets, with or without filters
        admin.given().get("/assets").then().statusCode(200).body(containsString("Next →"));
        admin.given().queryParam("q", "FAN").queryParam("site", "Plant C").get("/assets").then().statusCode(200)
                .body(containsString("q=FAN&site=Plant+C"));
    }

    @Test
    void anAssetPageNeverMakesASummaryItFetchesOneMadeOnce() {
        index.awaitEmpty();
        long cached = db.count("SELECT count(*) FROM summary_cache");
        String page = admin.given().urlEncodingEnabled(false).get("/assets/Line%202%2FPump%20%231%3Fx").then()
                .statusCode(200).extract().asString();
        assertTrue(page.contains("data-fragment=\"/assets/Line%202%2FPump%20%231%3Fx/summary?from="), page);
        assertEquals(cached, db.count("SELECT count(*) FROM summary_cache"), "the page view made no summary");
        String fragment = page.replaceAll("(?s).*data-fragment=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
        admin.given().urlEncodingEnabled(false).get(fragment).then().statusCode(200)
                .body(containsString("Last 30 days")).body(containsString("gland"))
                .body(not(containsString("<html")));
        assertEquals(cached + 1, db.count("SELECT count(*) FROM summary_cache"));
        admin.given().urlEncodingEnabled(false).get("/assets/Line%202%2FPump%20%231%3Fx").then().statusCode(200)
                .body(not(containsString("data-fragment"))).body(containsString("2 records · extractive"));
    }

    @Test
    void pagesShowIndexingProgressWhileRecordsWait() {
        index.awaitEmpty();
        sleep(1100); // the pending count is read at most once a second
        admin.given().get("/").then().body(not(containsString("class=\"index-text\"")));
        long id = db.count("SELECT id FROM records WHERE external_id = 'PG-1'");
        // a record waiting (its next try in an hour): the pages say how far indexing is
        db.execute("INSERT INTO embedding_queue (record_id, not_before) VALUES (" + id + ", now() + interval '1 hour')");
        try {
            sleep(1100); // the pending count is read at most once a second
            admin.given().get("/assets").then().statusCode(200)
                    .body(containsString("Indexing: 62 records embedded, 1 waiting (98%)"));
        } finally {
            db.execute("DELETE FROM embedding_queue WHERE record_id = " + id);
        }
    }

    @Test
    void theAuditLogFiltersAndReadsAsChanges() {
        String name = "audited-" + Api.RUN;
        Api.user(name, "engineer");
        admin.given().queryParam("actor", "admin").queryParam("action", "created").get("/admin/audit").then()
                .statusCode(200).body(containsString("username: " + name)).body(containsString("role: engineer"))
                .body(not(containsString("{&quot;")));
        admin.given().queryParam("action", "signed_in").queryParam("from", LocalDate.now().plusDays(1).toString())
                .get("/admin/audit").then().statusCode(200).body(containsString("No entries match"));
        admin.given().queryParam("action", "created").queryParam("from", "last week").get("/api/v1/admin/audit").then()
                .statusCode(400).body("errors.field", hasItem("from"));
        admin.given().queryParam("actor", "admin").queryParam("action", "created").get("/api/v1/admin/audit").then()
                .statusCode(200).body("items.details.username", hasItem(name));
    }

    @Test
    void theApiDocumentDescribesTheApiOnly() {
        RestAssured.given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.keySet()", everyItem(startsWith("/api/")));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
