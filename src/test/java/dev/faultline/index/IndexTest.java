package dev.faultline.index;

import static dev.faultline.Api.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.Api;
import dev.faultline.Json;
import dev.faultline.TestDatabase;
import dev.faultline.TestIndex;
import dev.faultline.db.Vectors;
import dev.faultline.model.Embedder;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IndexTest {

    @Inject
    TestDatabase db;

    @Inject
    TestIndex index;

    @Inject
    IndexService service;

    @Inject
    PassageEmbedder passages;

    @Inject
    DataSource dataSource;

    @Inject
    Embedder embedder;

    @Inject
    MeterRegistry metrics;

    @BeforeEach
    void seed() {
        db.clear();
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            records.add(Json.record("IX-" + i, "pump " + i + " seal leaking, replaced mechanical seal"));
        }
        Map<String, Object> longOne = Json.record("IX-LONG", String.join(" ", java.util.Collections.nCopies(400, "word")));
        longOne.put("fields", Map.of());
        records.add(longOne);
        given().contentType(ContentType.JSON).body(Map.of("records", records)).post("/api/v1/records").then()
                .statusCode(200);
    }

    @Test
    void everyRecordIsEmbeddedInTheBackgroundWithItsModel() {
        index.awaitEmpty();
        given().get("/api/v1/index/status").then()
                .statusCode(200)
                .body("pending", equalTo(0))
                .body("indexed", equalTo(31))
                .body("model", equalTo("all-minilm-l6-v2@1.19.0-beta29"));
        assertEquals(0, db.count("SELECT count(*) FROM record_embeddings WHERE model <> 'all-minilm-l6-v2@1.19.0-beta29'"));
        // 400 words: chunks of 160 with 40 overlapping -> 3 passages
        assertEquals(3, db.count("SELECT count(*) FROM record_embeddings e JOIN records r ON r.id = e.record_id"
                + " WHERE r.external_id = 'IX-LONG'"));
    }

    @Test
    void aChangedRecordIsEmbeddedAgain() {
        index.awaitEmpty();
        String before = db.string("SELECT e.content_hash FROM record_embeddings e JOIN records r ON r.id = e.record_id"
                + " WHERE r.external_id = 'IX-1'");
        given().contentType(ContentType.JSON).body(Json.batch(Json.record("IX-1", "motor overheating, fan blocked")))
                .post("/api/v1/records").then().statusCode(200);
        index.awaitEmpty();
        String after = db.string("SELECT e.content_hash FROM record_embeddings e JOIN records r ON r.id = e.record_id"
                + " WHERE r.external_id = 'IX-1'");
        assertEquals(db.string("SELECT content_hash FROM records WHERE external_id = 'IX-1'"), after);
        assertEquals(false, before.equals(after));
    }

    @Test
    void rowsHeldByACrashedWorkerAreEmbeddedOnceItIsGone() throws Exception {
        index.awaitEmpty();
        db.execute("INSERT INTO embedding_queue (record_id) SELECT id FROM records WHERE external_id IN ('IX-2', 'IX-3')");
        try (Connection other = dataSource.getConnection()) {
            // another instance claims both rows, then dies before committing
            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                s.executeQuery("SELECT record_id FROM embedding_queue FOR UPDATE");
                db.execute("INSERT INTO embedding_queue (record_id) SELECT id FROM records WHERE external_id = 'IX-4'");
                long until = System.currentTimeMillis() + 30_000;
                while (db.count("SELECT count(*) FROM embedding_queue") > 2 && System.currentTimeMillis() < until) {
                    Thread.sleep(100);
                }
                // the free row was done; the locked ones were skipped, not waited for
                assertEquals(2, db.count("SELECT count(*) FROM embedding_queue"));
            }
            other.rollback();
        }
        index.awaitEmpty();
        assertEquals(31, db.count("SELECT count(DISTINCT record_id) FROM record_embeddings"));
    }

    @Test
    void aModelChangeReembedsInsteadOfMixing() throws Exception {
        index.awaitEmpty();
        db.execute("UPDATE record_embeddings SET model = 'old-model@1' WHERE record_id IN"
                + " (SELECT id FROM records WHERE external_id IN ('IX-5', 'IX-6'))");
        assertEquals(29, db.count("SELECT count(DISTINCT record_id) FROM record_embeddings"
                + " WHERE model = 'all-minilm-l6-v2@1.19.0-beta29'"));
        service.onStart(null);
        index.awaitEmpty();
        assertEquals(0, db.count("SELECT count(*) FROM record_embeddings WHERE model = 'old-model@1'"));
        assertEquals(31, db.count("SELECT count(DISTINCT record_id) FROM record_embeddings"
                + " WHERE model = 'all-minilm-l6-v2@1.19.0-beta29'"));
    }

    @Test
    void theAssetTypeLeadsThePassageOfARecordThatDoesNotNameIt() throws Exception {
        Map<String, Object> tablet = Json.record("IX-TABLET", "screen cracked, replaced digitiser");
        tablet.put("asset", Map.of("id", "TAB-9", "type", "Tablet"));
        tablet.put("fields", Map.of());
        given().contentType(ContentType.JSON).body(Map.of("records", List.of(tablet))).post("/api/v1/records").then()
                .statusCode(200);
        index.awaitEmpty();
        String stored = "SELECT e.embedding::text FROM record_embeddings e JOIN records r ON r.id = e.record_id"
                + " WHERE r.external_id = ";
        float[] expected = embedder.embed(List.of("Tablet: screen cracked, replaced digitiser"), Embedder.Role.PASSAGE)
                .getFirst();
        float[] vector = Vectors.read(db.string(stored + "'IX-TABLET'"));
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], vector[i], 1e-4);
        }
        // a record naming its asset's type (pump) has no prefix: its vector is that of its text alone
        float[] plain = embedder.embed(List.of(passage("IX-3")), Embedder.Role.PASSAGE).getFirst();
        assertTrue(passage("IX-3").startsWith("pump 3 seal leaking"));
        assertEquals(plain[0], Vectors.read(db.string(stored + "'IX-3'"))[0], 1e-4);
    }

    @Test
    void aPassageEmbeddedBeforeGetsItsStoredVectorWithoutTheModel() throws Exception {
        index.awaitEmpty();
        double model = passages("model"), reused = passages("reused");
        // IX-7's text again, on two new records; and a new text three times in one batch
        Map<String, Object> again1 = Json.record("IX-AGAIN-1", "pump 7 seal leaking, replaced mechanical seal");
        Map<String, Object> again2 = Json.record("IX-AGAIN-2", "pump 7 seal leaking, replaced mechanical seal");
        List<Map<String, Object>> records = new ArrayList<>(List.of(again1, again2));
        String newText = "gearbox breather blocked, cleaned " + System.nanoTime(); // in no earlier run either
        for (int i = 0; i < 3; i++) {
            records.add(Json.record("IX-NEW-" + i, newText));
        }
        given().contentType(ContentType.JSON).body(Map.of("records", records)).post("/api/v1/records").then()
                .statusCode(200);
        index.awaitEmpty();
        assertEquals(model + 1, passages("model"), "only the new text went to the model, once");
        assertEquals(reused + 4, passages("reused"));
        String stored = "SELECT e.embedding::text FROM record_embeddings e JOIN records r ON r.id = e.record_id"
                + " WHERE r.external_id = ";
        assertEquals(db.string(stored + "'IX-7'"), db.string(stored + "'IX-AGAIN-1'"));
        assertEquals(db.string(stored + "'IX-7'"), db.string(stored + "'IX-AGAIN-2'"));
        assertEquals(db.string(stored + "'IX-NEW-0'"), db.string(stored + "'IX-NEW-2'"));
        // and the reused vector is what the model makes of that text
        float[] fresh = embedder.embed(List.of(passage("IX-7")), Embedder.Role.PASSAGE).getFirst();
        float[] reusedVector = Vectors.read(db.string(stored + "'IX-AGAIN-1'"));
        for (int i = 0; i < fresh.length; i++) {
            assertEquals(fresh[i], reusedVector[i], 1e-4);
        }
    }

    @Test
    void aRecordThatCannotBeEmbeddedIsRetriedThenParkedWhileTheRestOfTheQueueDrains() {
        index.awaitEmpty();
        long poison = db.count("SELECT id FROM records WHERE external_id = 'IX-3'");
        // fault injection for this test only: the database refuses this record's vectors
        db.execute("CREATE OR REPLACE FUNCTION test_refuse_vectors() RETURNS trigger LANGUAGE plpgsql AS $$"
                + " BEGIN RAISE EXCEPTION 'test: the vectors of this record cannot be stored'; END $$");
        db.execute("CREATE TRIGGER test_refuse_vectors BEFORE INSERT ON record_embeddings FOR EACH ROW"
                + " WHEN (NEW.record_id = " + poison + ") EXECUTE FUNCTION test_refuse_vectors()");
        try {
            db.execute("UPDATE records SET content_hash = 'poison' WHERE id = " + poison);
            List<Map<String, Object>> after = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                after.add(Json.record("IX-AFTER-" + i, "conveyor belt " + i + " slipping, tensioned belt"));
            }
            given().contentType(ContentType.JSON).body(Map.of("records", after)).post("/api/v1/records").then()
                    .statusCode(200);
            long until = System.currentTimeMillis() + 60_000;
            while (db.count("SELECT count(*) FROM embedding_queue WHERE parked_at IS NOT NULL") == 0) {
                if (System.currentTimeMillis() > until) {
                    throw new AssertionError("the bad record was never parked: " + db.string("SELECT string_agg("
                            + "record_id || ':' || attempts || ':' || coalesce(last_error, ''), ' | ') FROM embedding_queue"));
                }
                sleep(100);
            }
            index.awaitEmpty(); // the others drain: a parked record does not count as pending
            assertEquals(0, db.count("SELECT count(*) FROM records r WHERE r.external_id LIKE 'IX-AFTER-%'"
                    + " AND NOT EXISTS (SELECT 1 FROM record_embeddings e WHERE e.record_id = r.id)"));
            given().get("/api/v1/index/status").then().statusCode(200)
                    .body("pending", equalTo(0))
                    .body("parked", equalTo(1))
                    .body("parkedRecords[0].recordId", equalTo((int) poison))
                    .body("parkedRecords[0].attempts", equalTo(3))
                    .body("parkedRecords[0].lastError", containsString("cannot be stored"));
            // the record's page says why it is not found by meaning
            Api.login("admin", Api.ADMIN_PASSWORD).given().get("/records/" + poison).then().statusCode(200)
                    .body(containsString("could not be indexed"))
                    .body(containsString("cannot be stored"));
        } finally {
            db.execute("DROP TRIGGER IF EXISTS test_refuse_vectors ON record_embeddings");
        }
        // once the cause is gone, a change to the record starts it afresh
        db.execute("UPDATE records SET content_hash = 'fixed' WHERE id = " + poison);
        index.awaitEmpty();
        assertEquals(1, db.count("SELECT count(*) FROM record_embeddings WHERE chunk = 0 AND record_id = " + poison));
        assertEquals(0, db.count("SELECT count(*) FROM embedding_queue"));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private String passage(String externalId) {
        String where = " FROM records WHERE external_id = '" + externalId + "'";
        return passages.passage(new IndexRepository.Pending(0, db.string("SELECT title" + where),
                db.string("SELECT text" + where), db.string("SELECT fields::text" + where), null,
                db.string("SELECT asset_type" + where)));
    }

    private double passages(String source) {
        return metrics.get("faultline.index.passages").tag("source", source).counter().count();
    }
}
