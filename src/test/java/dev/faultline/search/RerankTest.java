package dev.faultline.search;

import static dev.faultline.Api.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.liblinear.Model;
import dev.faultline.Json;
import dev.faultline.TestDatabase;
import dev.faultline.TestIndex;
import dev.faultline.model.Embedder;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The second stage of hybrid search: its features, its training export, and the model's reordering. */
@QuarkusTest
class RerankTest {

    static final String[] LOGBOOK = {
        "R/H ENGINE RUNNING ROUGH ON RUN UP, CLEANED PLUGS",
        "L/H ENGINE RUNNING ROUGH AFTER START",
        "ENGINE RUNS ROUGH",
        "RIGHT MAIN TIRE WORN, REPLACED",
        "CABIN DOOR LATCH HARD TO CLOSE",
    };

    @Inject
    TestDatabase db;

    @Inject
    TestIndex index;

    @Inject
    Embedder embedder;

    @Inject
    Reranker shipped;

    @Inject
    RerankSignals signals;

    @Inject
    KeywordStatistics statistics;

    @Inject
    CandidateTexts texts;

    @BeforeEach
    void seed() {
        db.clear();
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < LOGBOOK.length; i++) {
            Map<String, Object> r = Json.record("R" + i, LOGBOOK[i]);
            r.put("kind", "maintenance_log");
            r.put("asset", Map.of("id", "ENG-" + i, "site", "North"));
            r.put("occurredAt", "2024-03-0" + (i + 1) + "T08:00:00Z");
            records.add(r);
        }
        given().contentType(ContentType.JSON).body(Map.of("records", records)).post("/api/v1/records").then()
                .statusCode(200);
        index.awaitEmpty();
    }

    @Test
    void theShippedModelIsLoadedAndOverTheAppsFeatures() {
        assertTrue(shipped.active(), "src/main/resources/search/reranker.model loads and has "
                + RerankFeatures.NAMES.size() + " features");
        assertEquals(100, shipped.candidates());
    }

    @Test
    void theTrainingExportListsTheBestCandidatesWithTheirFeatures() {
        JsonPath r = given().queryParam("q", "right engine running rough").get("/api/v1/search/rerank-features").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(RerankFeatures.NAMES, r.getList("features"));
        List<String> ids = r.getList("items.record.externalId");
        assertTrue(ids.containsAll(List.of("R0", "R1", "R2")), "the engine records are candidates: " + ids);
        Map<String, List<Float>> byId = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            byId.put(ids.get(i), r.getList("items[" + i + "].features", Float.class));
        }
        int position = RerankFeatures.NAMES.indexOf("position");
        assertEquals(1f, byId.get("R0").get(position), "names the side asked");
        assertEquals(-1f, byId.get("R1").get(position), "names only the other side");
        assertEquals(0f, byId.get("R2").get(position), "names no side");
        int share = RerankFeatures.NAMES.indexOf("word_share");
        assertEquals(1f, byId.get("R0").get(share), "holds every word group (RIGHT as R/H)");
        assertTrue(byId.get("R2").get(share) < 1f, "ENGINE RUNS ROUGH lacks RIGHT: " + byId.get("R2"));
        int rank = RerankFeatures.NAMES.indexOf("fused_rank");
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(Math.log1p(i), byId.get(ids.get(i)).get(rank), 1e-6, "as listed before the second stage");
        }
        assertTrue(ids.indexOf("R1") > ids.indexOf("R2"), "listed after sides and positions: " + ids);
        int cosine = RerankFeatures.NAMES.indexOf("cosine");
        assertTrue(byId.get("R0").get(cosine) > byId.get("R3").get(cosine), "the rough engine is nearer than the tire");
    }

    @Test
    void theTrainingExportChecksItsQuestionAndCaller() {
        given().get("/api/v1/search/rerank-features").then().statusCode(400).body(containsString("q"));
        dev.faultline.Api.anonymous().queryParam("q", "engine").get("/api/v1/search/rerank-features").then()
                .statusCode(401);
    }

    @Test
    void theModelReordersOnlyTheBestResults() throws Exception {
        // a model that prefers longer texts, over the best 3 of 5 candidates
        StringBuilder text = new StringBuilder("solver_type L2R_LR\nnr_class 2\nlabel 1 -1\nnr_feature "
                + RerankFeatures.NAMES.size() + "\nbias -1\nw\n");
        RerankFeatures.NAMES.forEach(n -> text.append(n.equals("length") ? "1 \n" : "0 \n"));
        Model model = Model.load(new StringReader(text.toString()));
        Reranker reranker = new Reranker(model, 3, new RerankFeatures(signals, statistics), texts);
        Map<String, Long> id = new HashMap<>();
        for (int i = 0; i < LOGBOOK.length; i++) {
            id.put("R" + i, db.count("SELECT id FROM records WHERE external_id = 'R" + i + "'"));
        }
        // fused order: shortest first
        List<String> order = List.of("R2", "R4", "R3", "R1", "R0");
        LinkedHashMap<Long, Double> fused = new LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            fused.put(id.get(order.get(i)), 1.0 / (61 + i));
        }
        List<Long> ids = new ArrayList<>(fused.keySet());
        float[] vector = embedder.embed(List.of("engine rough"), Embedder.Role.QUERY).getFirst();
        RerankFeatures.Input in = new RerankFeatures.Input("engine rough", List.of("'engin'", "'rough'"),
                "'engin' | 'rough'", null, ids, ids.size(), ids, vector, embedder.modelId(), VectorRepository.MAIN_VECTORS,
                fused, 200);
        Map<Long, String> external = new HashMap<>();
        id.forEach((ext, v) -> external.put(v, ext));
        List<String> got = reranker.order(in, ids, Map.of()).stream().map(external::get).toList();
        assertEquals(List.of("R4", "R3", "R2", "R1", "R0"), got, "the best 3 by length, the rest as they were");
    }

    @Test
    void aMissingOrMismatchedModelTurnsTheStageOff() throws Exception {
        assertNull(Reranker.load("/nonexistent/reranker.model"));
        assertNull(Reranker.load("classpath:search/no-such.model"));
        Path wrong = Files.createTempFile("reranker", ".model");
        Files.writeString(wrong, "solver_type L2R_LR\nnr_class 2\nlabel 1 -1\nnr_feature 2\nbias -1\nw\n1 \n0 \n");
        assertNull(Reranker.load(wrong.toString()), "2 features, the app computes " + RerankFeatures.NAMES.size());
        Files.writeString(wrong, "not a model");
        assertNull(Reranker.load(wrong.toString()));
        assertNotNull(Reranker.load("classpath:search/reranker.model"));
    }

    @Test
    void hybridSearchWithTheShippedModelPutsTheSideAskedFirstAndTheOtherAfter() {
        JsonPath r = given().queryParam("q", "right engine running rough").get("/api/v1/search").then().statusCode(200)
                .extract().jsonPath();
        List<String> hits = r.getList("items.record.externalId");
        assertEquals("R0", hits.getFirst(), "the record naming the right engine first: " + hits);
        assertTrue(hits.indexOf("R1") > hits.indexOf("R2"), "the left engine after the one naming no side: " + hits);
    }
}
