package dev.faultline.search;

import static dev.faultline.Api.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The search ranking trained on the plant's feedback (real database, model and LIBLINEAR): too little feedback trains
 * nothing; a model that orders judged searches better than what ranks now is used, and the search order follows it;
 * one no better is stored but not used; admins can go back to the shipped model.
 */
@QuarkusTest
class RankingTrainingTest {

    static final String[] LOGBOOK = {
        "R/H ENGINE RUNNING ROUGH ON RUN UP, CLEANED PLUGS",
        "L/H ENGINE RUNNING ROUGH AFTER START",
        "ENGINE OIL LEAK AT ROCKER COVER GASKET, REPLACED GASKET",
        "METAL FOUND IN OIL FILTER, ENGINE REMOVED",
        "RIGHT MAIN TIRE WORN, REPLACED",
        "NOSE TIRE LOW PRESSURE, SERVICED",
        "CABIN DOOR LATCH HARD TO CLOSE",
        "LEFT MAGNETO DROP 200 RPM ON RUN UP",
        "FUEL PUMP INOP, REPLACED PUMP",
        "BRAKE PADS WORN ON LEFT MAIN, REPLACED",
        "LANDING LIGHT INOP, REPLACED BULB",
        "PROP NICK ON BLADE DRESSED OUT",
        "#3 CYLINDER LOW COMPRESSION 40/80",
        "EXHAUST STACK CRACKED, WELDED",
    };
    static final List<String> SEARCHES = List.of("engine rough", "oil leak", "tire worn", "door hard to close",
            "magneto drop on run up", "fuel pump", "brakes worn", "light inop", "propeller damage", "low compression cylinder",
            "cracked exhaust");

    @Inject
    TestDatabase db;

    @Inject
    TestIndex index;

    Api.Session admin;

    @BeforeEach
    void seed() {
        db.clear();
        db.execute("DELETE FROM feedback");
        db.execute("DELETE FROM search_ranking_models");
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < LOGBOOK.length; i++) {
            Map<String, Object> r = Json.record("K" + i, LOGBOOK[i]);
            r.put("kind", "maintenance_log");
            r.put("asset", Map.of("id", "AC-" + (i % 3), "site", "North"));
            r.put("occurredAt", "2024-04-" + (10 + i) + "T08:00:00Z");
            records.add(r);
        }
        given().contentType(ContentType.JSON).body(Map.of("records", records)).post("/api/v1/records").then()
                .statusCode(200);
        index.awaitEmpty();
        admin = Api.login("admin", Api.ADMIN_PASSWORD);
    }

    @AfterEach
    void backToTheShippedModel() {
        post(admin, "/api/v1/admin/search-ranking/configured").statusCode(200);
    }

    @Test
    void tooLittleFeedbackTrainsNothing() {
        judge(false);
        db.execute("DELETE FROM feedback WHERE query <> 'engine rough'");
        post(admin, "/api/v1/admin/search-ranking/train").statusCode(200).body("outcome", equalTo("too-few"))
                .body("message", containsString("needs 10 judged searches")).body("training", nullValue());
        assertEquals(0, db.count("SELECT count(*) FROM search_ranking_models"));
        admin.given().get("/api/v1/admin/search-ranking").then().statusCode(200).body("model", equalTo("configured"))
                .body("judgedSearches", equalTo(1)).body("minSearches", equalTo(10));
    }

    @Test
    void aBetterModelRanksSearchesUntilAdminsGoBack() {
        // the technicians consistently prefer the result listed last to the one listed first
        List<long[]> firstAndLast = judge(false);
        JsonPath trained = post(admin, "/api/v1/admin/search-ranking/train").statusCode(200)
                .body("outcome", equalTo("adopted")).extract().jsonPath();
        assertEquals(firstAndLast.size(), trained.getInt("training.searches"));
        assertEquals(0.0, trained.getDouble("training.listedAccuracy"), 1e-9);
        assertTrue(trained.getDouble("training.trainedAccuracy") > 0.8, trained.prettify());
        admin.given().get("/api/v1/admin/search-ranking").then().body("model", equalTo("trained"))
                .body("inUse.id", equalTo(trained.getInt("training.id")));
        long[] engine = firstAndLast.getFirst();
        assertTrue(place(SEARCHES.getFirst(), engine[1]) < place(SEARCHES.getFirst(), engine[0]),
                "the record judged useful now comes before the one judged not useful");
        assertEquals(1, db.count("SELECT count(*) FROM audit_log WHERE action = 'search.ranking.trained'"
                + " AND entity_id = '" + trained.getInt("training.id") + "' AND actor = 'admin'"));
        admin.given().get("/admin/quality").then().statusCode(200).body(containsString("data-ranking=\"trained\""))
                .body(containsString("Use the shipped model again"));

        post(admin, "/api/v1/admin/search-ranking/configured").statusCode(200).body("model", equalTo("configured"))
                .body("latest.inUse", equalTo(false));
        assertEquals(1, db.count("SELECT count(*) FROM audit_log WHERE action = 'search.ranking.reset'"
                + " AND entity_id = '" + trained.getInt("training.id") + "'"));
        assertTrue(place(SEARCHES.getFirst(), engine[0]) < place(SEARCHES.getFirst(), engine[1]),
                "the shipped model's order again");
    }

    @Test
    void aModelNoBetterIsKeptButNotUsed() {
        judge(true); // the listed order is already right for every judged pair: nothing can beat it
        post(admin, "/api/v1/admin/search-ranking/train").statusCode(200).body("outcome", equalTo("not-better"))
                .body("training.listedAccuracy", equalTo(1.0f)).body("training.adopted", equalTo(false));
        admin.given().get("/api/v1/admin/search-ranking").then().body("model", equalTo("configured"))
                .body("inUse", nullValue()).body("latest.inUse", equalTo(false));
    }

    @Test
    void onlyAdminsTrain() {
        Api.Session tech = Api.user("ranking-tech-" + Api.RUN, "technician");
        post(tech, "/api/v1/admin/search-ranking/train").statusCode(403);
        given().post("/api/v1/admin/search-ranking/train").then().statusCode(403);
    }

    /**
     * For every search, a technician judges the first result listed before the second stage and the last one: the first
     * useful when {@code firstUseful}, else the last. Answers the first and last record of each search that lists two
     * or more (at least ten of them).
     */
    private List<long[]> judge(boolean firstUseful) {
        Api.Session tech = Api.user("ranking-judge-" + Api.RUN + "-" + firstUseful, "technician");
        List<long[]> out = new ArrayList<>();
        for (String q : SEARCHES) {
            List<Long> listed = given().queryParam("q", q).get("/api/v1/search/rerank-features").then().statusCode(200)
                    .extract().jsonPath().getList("items.record.id", Long.class);
            if (listed.size() < 2) {
                continue; // nothing to prefer
            }
            long first = listed.getFirst();
            long last = listed.getLast();
            out.add(new long[] {first, last});
            for (Object[] j : new Object[][] {{first, firstUseful}, {last, !firstUseful}}) {
                tech.given().header("X-CSRF-Token", tech.csrf()).contentType(ContentType.JSON)
                        .body(Map.of("kind", "search", "query", q, "recordId", j[0], "useful", j[1]))
                        .post("/api/v1/feedback").then().statusCode(201);
            }
        }
        assertTrue(out.size() >= 10, "searches with two results or more: " + out.size());
        return out;
    }

    /** The record's place in a hybrid search's results. */
    private static int place(String q, long id) {
        List<Long> ids = given().queryParam("q", q).queryParam("limit", 50).get("/api/v1/search").then().statusCode(200)
                .extract().jsonPath().getList("items.record.id", Long.class);
        assertTrue(ids.contains(id), q + " finds " + id + " in " + ids);
        return ids.indexOf(id);
    }

    private static io.restassured.response.ValidatableResponse post(Api.Session s, String path) {
        return s.given().header("X-CSRF-Token", s.csrf()).post(path).then();
    }
}
