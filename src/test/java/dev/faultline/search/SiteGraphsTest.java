package dev.faultline.search;

import static dev.faultline.Api.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.Json;
import dev.faultline.TestDatabase;
import dev.faultline.TestIndex;
import dev.faultline.db.Vectors;
import dev.faultline.model.Embedder;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SiteGraphsTest {

    @Inject
    TestDatabase db;

    @Inject
    TestIndex index;

    @Inject
    SiteGraphs graphs;

    @Inject
    Embedder embedder;

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry metrics;

    @BeforeEach
    void seed() {
        dropGraphs();
        db.clear();
        // North and South: 4 records each (4/9 of all), West: 1
        List<Map<String, Object>> records = new ArrayList<>();
        for (String[] row : SearchTest.LOGBOOK) {
            records.add(record(row[0], row[1], row[3], row[4]));
        }
        records.add(record("W1", "HYDRAULIC PUMP WHINE AT IDLE", "HYD-1", "West"));
        post(records);
        index.awaitEmpty();
    }

    @AfterEach
    void dropGraphs() {
        db.execute("""
                DO $$ DECLARE i text; BEGIN
                  FOR i IN SELECT indexname FROM pg_indexes WHERE indexname LIKE 'record\\_embeddings\\_site\\_%' LOOP
                    EXECUTE 'DROP INDEX ' || quote_ident(i);
                  END LOOP;
                  DELETE FROM site_graphs;
                END $$""");
        graphs.refresh();
    }

    private static Map<String, Object> record(String id, String text, String asset, String site) {
        Map<String, Object> r = Json.record(id, text);
        r.put("asset", Map.of("id", asset, "site", site));
        r.put("fields", Map.of());
        return r;
    }

    private static void post(List<Map<String, Object>> records) {
        given().contentType(ContentType.JSON).body(Map.of("records", records)).post("/api/v1/records").then()
                .statusCode(200);
    }

    private List<String> semantic(String q, String site) {
        return SearchTest.ids(SearchTest.search(Map.of("q", q, "mode", "semantic", "site", site, "limit", 20)));
    }

    private double siteGraphLists() {
        return metrics.counter("faultline.search.site.graph").count();
    }

    @Test
    void largeSitesGetAGraphOfTheirOwnThatSearchUses() {
        List<String> before = semantic("oil leak at the valve cover", "North");
        double used = siteGraphLists();

        // at most half of all records, and at least 3: North and South, largest first, then by name
        assertEquals(List.of("North", "South"), graphs.buildDue(3, 0.5));
        assertTrue(graphs.has("North") && graphs.has("South") && !graphs.has("West"));
        assertEquals(2, db.count("SELECT count(*) FROM site_graphs"));
        // built once: nothing is due any more
        assertEquals(List.of(), graphs.buildDue(3, 0.5));

        // the same answer (on 9 records the graphs are exact), now read from the site's graph
        assertEquals(before, semantic("oil leak at the valve cover", "North"));
        assertEquals(used + 1, siteGraphLists());
        assertTrue(SearchTest.ids(SearchTest.search(Map.of("q", "oil leak at the valve cover", "site", "North")))
                .stream().allMatch(id -> List.of("L1", "L2", "L3", "L7").contains(id)));
        // West has none: filtered as before
        semantic("hydraulic pump noise", "West");
        assertEquals(used + 2, siteGraphLists());
    }

    @Test
    void vectorsWrittenBeforeTheSiteColumnAreGivenTheirSiteFirst() {
        // as after migration V11 on an existing install: the vectors have no site yet
        db.execute("UPDATE record_embeddings SET site = NULL");
        assertEquals(List.of("North", "South"), graphs.buildDue(4, 0.5));
        assertEquals(4, db.count("SELECT count(*) FROM record_embeddings WHERE site = 'North'"));
        assertEquals(4, db.count("SELECT count(*) FROM record_embeddings WHERE site = 'South'"));
        // West was not due: left for when it is
        assertEquals(1, db.count("SELECT count(*) FROM record_embeddings WHERE site IS NULL"));
    }

    @Test
    void theSiteBesideEachVectorFollowsItsRecord() {
        assertEquals(0, db.count("""
                SELECT count(*) FROM record_embeddings e JOIN records r ON r.id = e.record_id
                 WHERE e.site IS DISTINCT FROM r.site"""));
        // L1 moves from North to South (the same asset re-filed under another site on a new row)
        post(List.of(record("L1", SearchTest.LOGBOOK[0][1], "ENG-1", "South")));
        assertEquals("South", db.string("""
                SELECT e.site FROM record_embeddings e JOIN records r ON r.id = e.record_id
                 WHERE r.external_id = 'L1'"""));
        // a record without a site gets its asset's first site, and so does its vector
        Map<String, Object> noSite = Json.record("N1", "BRAKE PAD WORN");
        noSite.remove("asset");
        noSite.put("fields", Map.of());
        post(List.of(noSite));
        index.awaitEmpty();
        db.execute("INSERT INTO assets (id, name) VALUES ('NEW-1', 'New')");
        db.execute("UPDATE records SET asset_id = 'NEW-1' WHERE external_id = 'N1'");
        assertEquals(1, db.count("""
                SELECT count(*) FROM record_embeddings e JOIN records r ON r.id = e.record_id
                 WHERE r.external_id = 'N1' AND e.site IS NULL"""));
        db.execute("UPDATE assets SET site = 'West' WHERE id = 'NEW-1'");
        assertEquals("West", db.string("""
                SELECT e.site FROM record_embeddings e JOIN records r ON r.id = e.record_id
                 WHERE r.external_id = 'N1'"""));
    }

    @Test
    void aVectorWrittenWhileItsRecordMovesToAnotherSiteGetsTheNewSite() throws Exception {
        long id = db.count("SELECT id FROM records WHERE external_id = 'L7'"); // North
        try (Connection indexer = dataSource.getConnection()) {
            // as the indexer: the record claimed from the queue, its vector written with the site of that moment
            for (int attempt = 0; ; attempt++) {
                db.execute("INSERT INTO embedding_queue (record_id) VALUES (" + id + ")");
                indexer.setAutoCommit(false);
                if (indexer.createStatement().executeQuery("SELECT 1 FROM embedding_queue WHERE record_id = " + id
                        + " FOR UPDATE SKIP LOCKED").next()) {
                    break;
                }
                // the app's own indexer claimed it first: let it finish, then try again
                indexer.rollback();
                indexer.setAutoCommit(true);
                index.awaitEmpty();
                assertTrue(attempt < 5);
            }
            try (Statement s = indexer.createStatement()) {
                s.execute("DELETE FROM record_embeddings WHERE record_id = " + id);
                s.execute("INSERT INTO record_embeddings (record_id, chunk, model, content_hash, embedding)"
                        + " SELECT " + id + ", 0, 'm', 'h', array_fill(0.1, ARRAY[384])::vector");
            }
            // meanwhile the record moves to South: that waits for the indexer's batch...
            var move = java.util.concurrent.CompletableFuture.runAsync(
                    () -> db.execute("UPDATE records SET site = 'South' WHERE id = " + id));
            Thread.sleep(300);
            assertTrue(!move.isDone(), "the site change waits for the batch writing the record's vector");
            try (Statement s = indexer.createStatement()) {
                s.execute("DELETE FROM embedding_queue WHERE record_id = " + id);
            }
            indexer.commit();
            move.get(10, java.util.concurrent.TimeUnit.SECONDS);
            indexer.setAutoCommit(true);
        }
        // ... and then gives the new vector its site
        assertEquals("South", db.string("SELECT site FROM record_embeddings WHERE record_id = " + id));
    }

    @Test
    void thePlannerReadsTheSiteGraph() throws SQLException {
        graphs.buildDue(3, 0.5);
        String index = db.string("SELECT index_name FROM site_graphs WHERE site = 'North'");
        float[] vector = embedder.embed(List.of("oil leak"), Embedder.Role.QUERY).getFirst();
        String plan = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                try (Statement s = c.createStatement()) {
                    // 9 rows: left alone, PostgreSQL would rather read them all; which index it picks is the point
                    s.execute("SET LOCAL enable_seqscan = off");
                    s.execute("SET LOCAL plan_cache_mode = force_custom_plan");
                }
                String sql = "EXPLAIN " + SearchRepository.SEMANTIC_POST_FILTER.formatted(" AND e.site = ?",
                        " AND r.site = ?");
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    Object param = Vectors.param(vector);
                    ps.setObject(1, param);
                    ps.setString(2, embedder.modelId());
                    ps.setString(3, "North");
                    ps.setObject(4, param);
                    ps.setInt(5, 10);
                    ps.setString(6, "North");
                    ps.setInt(7, 10);
                    StringBuilder out = new StringBuilder();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.append(rs.getString(1)).append('\n');
                        }
                    }
                    return out.toString();
                }
            }
        });
        assertTrue(plan.contains("Index Scan using " + index), plan);
    }

    @Test
    void aDroppedGraphIsNotUsedAndIsBuiltAgain() {
        graphs.buildDue(3, 0.5);
        String index = db.string("SELECT index_name FROM site_graphs WHERE site = 'North'");
        db.execute("DROP INDEX " + index);
        graphs.refresh();
        assertTrue(!graphs.has("North") && graphs.has("South"));
        semantic("oil leak at the valve cover", "North"); // filtered as before, no error
        assertEquals(List.of("North"), graphs.buildDue(3, 0.5));
        assertTrue(graphs.has("North"));
    }

    @Test
    void oneInstanceBuildsAtATime() throws SQLException {
        try (Connection other = dataSource.getConnection();
                Statement s = other.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + SiteGraphs.LOCK + ")");
            try {
                assertEquals(List.of(), graphs.buildDue(3, 0.5));
            } finally {
                s.execute("SELECT pg_advisory_unlock(" + SiteGraphs.LOCK + ")");
            }
        }
        assertEquals(List.of("North", "South"), graphs.buildDue(3, 0.5));
    }
}
