package dev.faultline.search;

import static dev.faultline.Api.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.Json;
import dev.faultline.TestDatabase;
import dev.faultline.TestIndex;
import dev.faultline.model.Embedder;
import dev.faultline.record.FilterSql;
import dev.faultline.record.RecordFilter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SearchTest {

    @Inject
    TestDatabase db;

    @Inject
    TestIndex index;

    @Inject
    KeywordRepository repository;

    @Inject
    VectorRepository vectors;

    @Inject
    Embedder embedder;

    @Inject
    MeterRegistry metrics;

    @Inject
    SearchWarmUp warmUp;

    static final String[][] LOGBOOK = {
        {"L1", "#2 CYL ROCKER COVER GASKET LEAKING.", "maintenance_log", "ENG-1", "North"},
        {"L2", "#3 CYL R/H ENG INTAKE GSKT LEAKING, R&R IAW MM", "maintenance_log", "ENG-2", "North"},
        {"L3", "LOW COMPRESSION ON #4 CYL, 50/80", "inspection_note", "ENG-1", "North"},
        {"L4", "LEFT MAIN TIRE WORN TO CORD, REPLACED TIRE", "work_order", "GEAR-1", "South"},
        {"L5", "ALTERNATOR OUTPUT LOW, BATTERY NOT CHARGING", "maintenance_log", "ENG-2", "South"},
        {"L6", "COMPRESSION CHECK ALL CYLS LOW ON #2 (< 60 PSI) & <script>x</script>", "inspection_note", "ENG-3", "South"},
        {"L7", "OIL LEAK FROM VALVE COVER AREA, TIGHTENED SCREWS", "maintenance_log", "ENG-4", "North"},
        {"L8", "CABIN DOOR LATCH HARD TO CLOSE", "work_order", "CABIN-1", "South"},
    };

    @BeforeEach
    void seed() {
        db.clear();
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < LOGBOOK.length; i++) {
            String[] row = LOGBOOK[i];
            Map<String, Object> r = Json.record(row[0], row[1]);
            r.put("kind", row[2]);
            r.put("asset", Map.of("id", row[3], "site", row[4]));
            r.put("fields", Map.of());
            r.put("occurredAt", String.format("2024-03-%02dT08:00:00Z", i + 1));
            records.add(r);
        }
        given().contentType(ContentType.JSON).body(Map.of("records", records)).post("/api/v1/records").then()
                .statusCode(200);
        index.awaitEmpty();
    }

    static JsonPath search(Map<String, ?> params) {
        return given().queryParams(params).get("/api/v1/search").then().statusCode(200).extract().jsonPath();
    }

    static List<String> ids(JsonPath result) {
        return result.getList("items.record.externalId");
    }

    @Test
    void naturalLanguageFindsTheShorthandRecord() {
        List<String> hits = ids(search(Map.of("q", "oil leak at the valve cover")));
        assertTrue(hits.indexOf("L1") >= 0 && hits.indexOf("L1") < 3, "rocker cover gasket in the top 3: " + hits);
        assertEquals("L7", hits.getFirst());
    }

    @Test
    void keywordSearchKnowsTheShorthand() {
        JsonPath r = search(Map.of("q", "right hand engine gasket", "mode", "keyword"));
        assertEquals("L2", ids(r).getFirst());
        assertTrue(r.getString("items[0].snippet").contains("<mark>R/H</mark>"), r.getString("items[0].snippet"));
    }

    @Test
    void keywordTermsAreNotAllRequired() {
        // no record has all of these words; the ones with some of them are found, best first
        List<String> hits = ids(search(Map.of("q", "low compression cylinder number four today", "mode", "keyword")));
        assertEquals(java.util.Set.of("L3", "L6"), new java.util.HashSet<>(hits.subList(0, 2)));
    }

    @Test
    void recordsWithMoreOfTheWordsComeFirst() {
        // ranked by full-text score alone this record (one word, four times) would beat L5, which has both words
        Map<String, Object> r = Json.record("L9", "BATTERY BOX CORRODED, BATTERY REPLACED, BATTERY CABLE CHAFED, BATTERY VENT");
        given().contentType(ContentType.JSON).body(Map.of("records", List.of(r))).post("/api/v1/records").then()
                .statusCode(200);
        assertEquals(List.of("L5", "L9"), ids(search(Map.of("q", "alternator battery", "mode", "keyword"))));
        // no record has all three words; two of them beat one, however often it is repeated
        assertEquals(List.of("L5", "L9"), ids(search(Map.of("q", "alternator battery fuse", "mode", "keyword"))));
    }

    @Test
    void theAllButOneTierMatchesTheSameRecordsSplitOrAsOneQuery() throws SQLException {
        // without a filter each alternative is a condition of its own, with one it is one tsquery: same records
        List<String> groups = Shorthand.load().groups("cover gasket leaking cylinder");
        List<String> alternatives = Shorthand.allButOne(groups);
        String rank = String.join(" & ", groups);
        String joined = alternatives.stream().map(a -> "(" + a + ")").collect(Collectors.joining(" | "));
        RecordFilter none = new RecordFilter(null, null, null, null, null, null, null);
        List<Long> split = repository.keyword(rank, alternatives, none, 20, 2000);
        assertEquals(repository.keyword(rank, List.of(joined), none, 20, 2000), split);
        // L1 has all four words, L2 three (GSKT for gasket, CYL for cylinder), L7 only two
        assertEquals(List.of(idOf("L1"), idOf("L2")), split);
        RecordFilter north = new RecordFilter(null, "North", null, null, null, null, null);
        assertEquals(split, repository.keyword(rank, alternatives, north, 20, 2000));
    }

    @Test
    void theSameQuestionAskedAgainSkipsTheModelAndFindsTheSame() {
        String question = "rocker cover gasket seeping oil " + System.nanoTime(); // asked by no other test
        double hits = queryVectors("hit"), misses = queryVectors("miss");
        JsonPath first = search(Map.of("q", question, "mode", "semantic"));
        assertEquals(misses + 1, queryVectors("miss"));
        JsonPath again = search(Map.of("q", question, "mode", "semantic", "site", "North"));
        JsonPath third = search(Map.of("q", question, "mode", "semantic"));
        assertEquals(hits + 2, queryVectors("hit"));
        assertEquals(misses + 1, queryVectors("miss"));
        assertEquals(ids(first), ids(third));
        assertEquals(first.getList("items.score"), third.getList("items.score"));
        assertTrue(ids(again).stream().allMatch(id -> ids(first).contains(id)), "North is a subset: " + ids(again));
    }

    private double queryVectors(String result) {
        return metrics.get("faultline.search.query.vectors").tag("result", result).functionCounter().count();
    }

    @Test
    void semanticModeFindsMeaningWithoutSharedWords() {
        List<String> hits = ids(search(Map.of("q", "flat tyre on the landing gear", "mode", "semantic", "limit", 3)));
        assertEquals("L4", hits.getFirst());
    }

    @Test
    void filtersAndFacets() {
        JsonPath r = search(Map.of("q", "leaking gasket compression", "site", "South"));
        assertTrue(r.getList("items.record.asset.site").stream().allMatch("South"::equals));
        JsonPath all = search(Map.of("q", "compression", "mode", "keyword"));
        assertEquals(2, all.getInt("total"));
        assertEquals(2, all.getInt("facets.kind.inspection_note"));
        assertEquals(1, all.getInt("facets.site.North"));
        given().queryParams(Map.of("q", "tire", "kind", "work_order", "asset", "GEAR-1", "from", "2024-03-04",
                "to", "2024-03-05")).get("/api/v1/search").then()
                .body("items.record.externalId", equalTo(List.of("L4")));
    }

    @Test
    void aFilteredVectorSearchLooksFurtherOnlyWhileNearerRecordsCanBeFound() {
        // in a transaction, as in search, so that the SET LOCAL of hnsw.* applies
        QuarkusTransaction.requiringNew().run(() -> {
            try {
                float[] tyre = embedder.embed(List.of("flat tyre on the landing gear"), Embedder.Role.QUERY).getFirst();
                String model = embedder.modelId();
                FilterSql south = FilterSql.of(new RecordFilter(null, "South", null, null, null, null, null));
                // only the nearest vector read (L4, South, similar enough): a deeper scan could still find more
                VectorRepository.PostFiltered nearest = vectors.postFiltered(tyre, model, VectorRepository.MAIN_VECTORS, "", south, 1, 1, 0.2);
                assertEquals(List.of(idOf("L4")), nearest.ids());
                assertFalse(nearest.exhausted());
                // less similar than the minimum already: nothing further can pass
                VectorRepository.PostFiltered unlike = vectors.postFiltered(tyre, model, VectorRepository.MAIN_VECTORS, "", south, 1, 1, 0.99);
                assertEquals(List.of(), unlike.ids());
                assertTrue(unlike.exhausted());

                // the cabin door (L8) is the only record of its asset, and not the nearest: reading the one nearest
                // vector finds none of the asset, so the filtered scan of the graph runs and finds it
                RecordFilter cabin = new RecordFilter("CABIN-1", null, null, null, null, null, null);
                VectorRepository.Near found = vectors.semantic(tyre, model, cabin, 1, 1, -1.0);
                assertEquals(List.of(idOf("L8")), found.ids());
                assertTrue(found.filtered() && found.graphScan());
                // unless the nearest read is already less similar than the minimum
                VectorRepository.Near none = vectors.semantic(tyre, model, cabin, 1, 1, 0.99);
                assertEquals(List.of(), none.ids());
                assertTrue(none.filtered() && !none.graphScan());
                assertFalse(vectors.semantic(tyre, model, RecordFilter.none(), 1, 1, -1.0).filtered());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private double filteredVectorLists() {
        return metrics.counter("faultline.search.filtered.vector").count();
    }

    @Test
    void theWarmUpSearchesEveryQuestionInEveryModeUncounted() {
        double counted = filteredVectorLists();
        // 8 questions x 3 modes x (unfiltered, filtered): it stops early if a search fails
        assertEquals(SearchWarmUp.QUESTIONS.size() * 3 * 2, warmUp.run(1));
        assertEquals(counted, filteredVectorLists());
        // a user's filtered search is counted
        search(Map.of("q", "leaking gasket", "site", "South"));
        assertEquals(counted + 1, filteredVectorLists());
    }

    @Test
    void filteredSearchesPageDeep() {
        // deep pages read more nearest vectors, never more than pgvector allows (hnsw.ef_search ≤ 1000)
        for (String mode : List.of("semantic", "hybrid")) {
            for (int round = 0; round < 2; round++) {
                JsonPath r = search(Map.of("q", "leaking gasket", "mode", mode, "site", "South", "offset", 1000,
                        "limit", 100));
                assertEquals(List.of(), r.getList("items"));
            }
        }
        given().queryParams(Map.of("q", "leak", "offset", 1001)).get("/api/v1/search").then().statusCode(400)
                .body("errors.field", hasItem("offset"));
    }

    private long idOf(String externalId) {
        return given().get("/api/v1/records?source=test-cmms&limit=100").then().statusCode(200).extract().jsonPath()
                .getLong("items.find { it.externalId == '" + externalId + "' }.id");
    }

    @Test
    void pagesAreConsistent() {
        List<String> first = ids(search(Map.of("q", "engine cylinder leak", "limit", 3)));
        List<String> second = ids(search(Map.of("q", "engine cylinder leak", "limit", 3, "offset", 3)));
        List<String> both = ids(search(Map.of("q", "engine cylinder leak", "limit", 6)));
        List<String> joined = new ArrayList<>(first);
        joined.addAll(second);
        assertEquals(both, joined);
    }

    @Test
    void snippetsAreEscaped() {
        given().queryParams(Map.of("q", "compression check psi", "mode", "keyword")).get("/api/v1/search").then()
                .body("items.snippet", hasItem(containsString("(&lt; 60 <mark>PSI</mark>")))
                .body("items.snippet", everyItem(not(containsString("<script>"))));
    }

    @Test
    void badAndOddQueries() {
        given().get("/api/v1/search").then().statusCode(400).body("errors.field", hasItem("q"));
        given().queryParam("q", "  ").get("/api/v1/search").then().statusCode(400);
        given().queryParam("q", "x".repeat(2001)).get("/api/v1/search").then().statusCode(400);
        given().queryParams(Map.of("q", "leak", "mode", "fuzzy")).get("/api/v1/search").then()
                .statusCode(400).body("errors.field", hasItem("mode"));
        given().queryParams(Map.of("q", "leak", "from", "yesterday")).get("/api/v1/search").then()
                .statusCode(400).body("errors.field", hasItem("from"));
        given().queryParams(Map.of("q", "leak", "limit", 1000)).get("/api/v1/search").then().statusCode(400);
        // a very long query (a pasted report) still works
        String longQuery = String.join(" ", java.util.Collections.nCopies(60, "gasket leaking valve cover"));
        assertTrue(search(Map.of("q", longQuery)).getInt("total") > 0);
        // only stop words: keyword finds nothing, semantic still answers
        assertEquals(0, search(Map.of("q", "the of and", "mode", "keyword")).getInt("total"));
    }

    @Test
    void similarRecordsAreTheNearestOthers() {
        long id = db.count("SELECT id FROM records WHERE external_id = 'L3'");
        List<String> similar = given().queryParam("limit", 2).get("/api/v1/records/" + id + "/similar").then()
                .statusCode(200).extract().jsonPath().getList("record.externalId");
        assertEquals("L6", similar.getFirst());
        assertTrue(!similar.contains("L3"));
        List<Float> scores = given().queryParam("limit", 7).get("/api/v1/records/" + id + "/similar").then()
                .statusCode(200).extract().jsonPath().getList("score", Float.class);
        assertEquals(7, scores.size(), "every other record");
        for (int i = 1; i < scores.size(); i++) {
            assertTrue(scores.get(i) <= scores.get(i - 1), "best first: " + scores);
        }
        given().get("/api/v1/records/999999/similar").then().statusCode(404);
        // a record not embedded yet has no similar records (not every record in no order)
        db.execute("DELETE FROM record_embeddings WHERE record_id = " + id);
        assertEquals(0, given().get("/api/v1/records/" + id + "/similar").then().statusCode(200).extract()
                .jsonPath().getList("$").size());
    }

    @Test
    void theSearchPageShowsHighlightedHits() {
        var admin = dev.faultline.Api.login("admin", dev.faultline.Api.ADMIN_PASSWORD);
        String page = admin.given().queryParam("q", "right hand gasket").get("/search").then().statusCode(200)
                .extract().asString();
        assertTrue(page.contains("<mark>R/H</mark>"), "highlight");
        assertTrue(page.contains("Similar records"));
        assertTrue(page.contains("Maintenance log"), "facets with labels");
        admin.given().get("/search").then().statusCode(200);
        admin.given().queryParam("q", "").get("/search").then().statusCode(200);
        long id = db.count("SELECT id FROM records WHERE external_id = 'L3'");
        admin.given().get("/records/" + id).then().statusCode(200).body(containsString("COMPRESSION CHECK ALL CYLS"));
    }
}
