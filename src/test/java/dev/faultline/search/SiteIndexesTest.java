package dev.faultline.search;

import static dev.faultline.Api.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.Json;
import dev.faultline.TestDatabase;
import dev.faultline.TestIndex;
import dev.faultline.db.Vectors;
import dev.faultline.model.Embedder;
import dev.faultline.record.RecordFilter;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SiteIndexesTest {

    @Inject
    TestDatabase db;

    @Inject
    TestIndex index;

    @Inject
    SiteIndexes siteIndexes;

    @Inject
    Embedder embedder;

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry metrics;

    @BeforeEach
    void seed() {
        dropSiteIndexes();
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
    void dropSiteIndexes() {
        db.execute("""
                DO $$ DECLARE i text; BEGIN
                  FOR i IN SELECT indexname FROM pg_indexes WHERE indexname LIKE 'record\\_embeddings\\_site\\_%'
                                                              OR indexname LIKE 'records\\_site\\_text\\_%' LOOP
                    EXECUTE 'DROP INDEX ' || quote_ident(i);
                  END LOOP;
                  DELETE FROM site_indexes;
                END $$""");
        siteIndexes.refresh();
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
        return search(q, "semantic", site);
    }

    private List<String> search(String q, String mode, String site) {
        return SearchTest.ids(SearchTest.search(Map.of("q", q, "mode", mode, "site", site, "limit", 20)));
    }

    private double siteIndexSearches() {
        return metrics.counter("faultline.search.site.index").count();
    }

    @Test
    void largeSitesGetIndexesOfTheirOwnThatSearchUses() {
        List<String> before = semantic("oil leak at the valve cover", "North");
        List<String> keywordBefore = search("cylinder leaking", "keyword", "North");
        double used = siteIndexSearches();

        // at most half of all records, and at least 3: North and South, largest first, then by name
        assertEquals(List.of("North", "South"), siteIndexes.buildDue(3, 0.5));
        assertTrue(siteIndexes.has("North") && siteIndexes.has("South") && !siteIndexes.has("West"));
        assertEquals(2, db.count("SELECT count(*) FROM site_indexes"));
        // built once: nothing is due any more
        assertEquals(List.of(), siteIndexes.buildDue(3, 0.5));

        // the same answers (on 9 records the graphs are exact), now from the site's own indexes
        assertEquals(before, semantic("oil leak at the valve cover", "North"));
        assertEquals(keywordBefore, search("cylinder leaking", "keyword", "North"));
        assertTrue(keywordBefore.containsAll(List.of("L1", "L2", "L3")), keywordBefore.toString());
        assertEquals(used + 2, siteIndexSearches());
        assertTrue(SearchTest.ids(SearchTest.search(Map.of("q", "oil leak at the valve cover", "site", "North")))
                .stream().allMatch(id -> List.of("L1", "L2", "L3", "L7").contains(id)));
        // West has none: filtered as before
        semantic("hydraulic pump noise", "West");
        assertEquals(used + 3, siteIndexSearches());
    }

    @Test
    void vectorsWrittenBeforeTheSiteColumnAreGivenTheirSiteFirst() {
        // as after migration V11 on an existing install: the vectors have no site yet
        db.execute("UPDATE record_embeddings SET site = NULL");
        assertEquals(List.of("North", "South"), siteIndexes.buildDue(4, 0.5));
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
            var move = CompletableFuture.runAsync(
                    () -> db.execute("UPDATE records SET site = 'South' WHERE id = " + id));
            long until = System.currentTimeMillis() + 10_000;
            while (db.count("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                    + " AND query LIKE 'UPDATE records SET site%'") == 0) {
                assertTrue(System.currentTimeMillis() < until && !move.isDone(),
                        "the site change waits for the batch writing the record's vector");
                Thread.sleep(20);
            }
            try (Statement s = indexer.createStatement()) {
                s.execute("DELETE FROM embedding_queue WHERE record_id = " + id);
            }
            indexer.commit();
            move.get(10, TimeUnit.SECONDS);
            indexer.setAutoCommit(true);
        }
        // ... and then gives the new vector its site
        assertEquals("South", db.string("SELECT site FROM record_embeddings WHERE record_id = " + id));
    }

    @Test
    void thePlannerReadsTheSiteIndexes() {
        siteIndexes.buildDue(3, 0.5);
        String graph = db.string("SELECT graph_index FROM site_indexes WHERE site = 'North'");
        String text = db.string("SELECT text_index FROM site_indexes WHERE site = 'North'");
        RecordFilter north = new RecordFilter(null, "North", null, null, null, null, null);
        Object vector = Vectors.param(embedder.embed(List.of("oil leak"), Embedder.Role.QUERY).getFirst());
        // the repository's own statements, with its site conditions; bound as it binds them
        String vectors = plan(false, VectorRepository.SEMANTIC_POST_FILTER.formatted(siteIndexes.condition(north, "e"),
                " AND r.site = ?"), vector, embedder.modelId(), vector, 10, "North", 10);
        assertTrue(vectors.contains("Index Scan using " + graph), vectors);
        // (without the site's btree, dropped in the transaction and rolled back: on 9 rows it would do, and the choice
        // between the two full-text indexes is the point)
        String words = plan(true, KeywordRepository.keywordSql(1, " AND r.site = ?" + siteIndexes.condition(north, "r")),
                "'leak'", "'leak'", "North", 2000, 200);
        assertTrue(words.contains("Bitmap Index Scan on " + text), words);
    }

    /** The plan PostgreSQL chooses for this statement as a generic plan (the driver's, after five runs). */
    private String plan(boolean withoutSiteBtree, String sql, Object... params) {
        QuarkusTransaction.begin();
        try {
            try (Connection c = dataSource.getConnection()) {
                try (Statement s = c.createStatement()) {
                    // 9 rows: left alone, PostgreSQL would rather read them all; which index it picks is the point
                    s.execute("SET LOCAL enable_seqscan = off");
                    // planned without the values of the parameters: only what the SQL text says can pick an index
                    s.execute("SET LOCAL plan_cache_mode = force_generic_plan");
                    if (withoutSiteBtree) {
                        s.execute("DROP INDEX records_site_recent_idx");
                    }
                }
                // a named prepared statement, as the driver's after five runs; its generic plan knows no parameter
                StringBuilder prepared = new StringBuilder();
                int n = 0;
                for (char ch : sql.toCharArray()) {
                    prepared.append(ch == '?' ? "$" + ++n : String.valueOf(ch));
                }
                StringBuilder values = new StringBuilder();
                for (Object p : params) {
                    String v = p instanceof Number ? p.toString() : "'" + p.toString().replace("'", "''") + "'";
                    values.append(values.isEmpty() ? "" : ", ").append(v);
                }
                try (Statement s = c.createStatement()) {
                    s.execute("PREPARE site_plan AS " + prepared);
                    try {
                        StringBuilder plan = new StringBuilder();
                        try (ResultSet rs = s.executeQuery("EXPLAIN EXECUTE site_plan(" + values + ")")) {
                            while (rs.next()) {
                                plan.append(rs.getString(1)).append('\n');
                            }
                        }
                        return plan.toString();
                    } finally {
                        s.execute("DEALLOCATE site_plan");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    @Test
    void aSiteNameIsNeverSql() {
        String odd = "Bob's yard\\'); DROP TABLE records; --";
        post(List.of(record("B1", "GEARBOX OIL LEAK", "BOB-1", odd), record("B2", "GEARBOX BEARING NOISE", "BOB-1", odd),
                record("B3", "GEARBOX SEAL REPLACED", "BOB-1", odd)));
        index.awaitEmpty();
        assertTrue(siteIndexes.buildDue(3, 0.5).contains(odd));
        assertTrue(siteIndexes.has(odd));
        assertEquals("E'Bob''s yard\\\\''); DROP TABLE records; --'", SiteIndexes.literal(odd));
        for (String mode : List.of("hybrid", "keyword", "semantic")) {
            List<String> hits = search("gearbox oil leak", mode, odd);
            assertEquals("B1", hits.getFirst(), mode);
            assertTrue(hits.stream().allMatch(id -> id.startsWith("B")), mode + ": " + hits);
        }
        assertEquals(12, db.records());
    }

    @Test
    void aDroppedIndexIsNotUsedAndIsBuiltAgain() {
        siteIndexes.buildDue(3, 0.5);
        String graph = db.string("SELECT graph_index FROM site_indexes WHERE site = 'North'");
        long text = db.count("SELECT c.oid FROM site_indexes s JOIN pg_class c ON c.relname = s.text_index"
                + " WHERE s.site = 'North'");
        db.execute("DROP INDEX " + graph);
        siteIndexes.refresh();
        assertTrue(!siteIndexes.has("North") && siteIndexes.has("South"));
        semantic("oil leak at the valve cover", "North"); // filtered as before, no error
        assertEquals(List.of("North"), siteIndexes.buildDue(3, 0.5));
        assertTrue(siteIndexes.has("North"));
        // only the missing one was built again
        assertEquals(text, db.count("SELECT c.oid FROM site_indexes s JOIN pg_class c ON c.relname = s.text_index"
                + " WHERE s.site = 'North'"));
    }

    @Test
    void oneInstanceBuildsAtATime() throws SQLException {
        try (Connection other = dataSource.getConnection();
                Statement s = other.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + SiteIndexes.LOCK + ")");
            try {
                assertEquals(List.of(), siteIndexes.buildDue(3, 0.5));
            } finally {
                s.execute("SELECT pg_advisory_unlock(" + SiteIndexes.LOCK + ")");
            }
        }
        assertEquals(List.of("North", "South"), siteIndexes.buildDue(3, 0.5));
    }
}
