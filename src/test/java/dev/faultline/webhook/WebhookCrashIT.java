package dev.faultline.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.AppProcess;
import dev.faultline.Json;
import io.restassured.RestAssured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged app killed with SIGKILL while a webhook request is in flight: the event is still delivered after a
 * restart, with the same webhook-id (at least once; receivers de-duplicate on the id).
 */
class WebhookCrashIT {

    static final int PORT = 8092;
    static final String JDBC = System.getenv().getOrDefault("FAULTLINE_TEST_JDBC_URL",
            "jdbc:postgresql://127.0.0.1:5432/faultline_test");
    static final Path WORK = Path.of("target", "webhook-crash-it");
    static final String KEY = "webhook-crash-bootstrap-key-0123456789abcdef";

    private final List<Process> apps = new ArrayList<>();

    @AfterEach
    void stop() {
        apps.forEach(Process::destroyForcibly);
    }

    @Test
    void aDeliveryInFlightWhenTheProcessIsKilledIsSentAfterTheRestart() throws Exception {
        Files.createDirectories(WORK);
        // start from no records: the import crash test before this one leaves 80,000, whose indexing kept both cores
        // busy through this test; once (CI, stop 33) the record POST below then waited 60 s on the database and hit
        // the transaction time-out. What it waited on was not found (not reproduced here); see the stop's note.
        sql("DO $$ BEGIN IF to_regclass('records') IS NOT NULL THEN "
                + "TRUNCATE import_errors, import_jobs, records, assets RESTART IDENTITY CASCADE; END IF; END $$");
        try (Receiver receiver = new Receiver()) {
            Process first = start("first");
            sql("TRUNCATE webhook_deliveries, webhook_events, webhook_endpoints RESTART IDENTITY CASCADE");
            sql("INSERT INTO webhook_endpoints (url, events, secret, created_by) VALUES ('" + receiver.url()
                    + "', '{record.created}', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'crash-test')");
            receiver.delayNextMillis.set(20_000);
            Thread.sleep(2500); // the publisher's view of the endpoints is at most 2 s old
            RestAssured.given().port(PORT).header("Authorization", "Bearer " + KEY).contentType("application/json")
                    .body(Json.batch(Json.record("CRASH-" + Instant.now().toEpochMilli(), "gearbox noise")))
                    .post("/api/v1/records").then().statusCode(200);
            Instant until = Instant.now().plusSeconds(30);
            while (receiver.received.isEmpty() && Instant.now().isBefore(until)) {
                Thread.sleep(100);
            }
            assertEquals(1, receiver.received.size(), "the first request reached the receiver");
            first.destroyForcibly().waitFor();
            assertEquals("delivering", string("SELECT status FROM webhook_deliveries"), "killed mid-delivery");

            start("second");
            until = Instant.now().plusSeconds(60);
            while (!"succeeded".equals(string("SELECT status FROM webhook_deliveries")) && Instant.now().isBefore(until)) {
                Thread.sleep(200);
            }
            assertEquals("succeeded", string("SELECT status FROM webhook_deliveries"));
            assertTrue(receiver.received.size() >= 2);
            assertEquals(1, receiver.received.stream().map(r -> r.header("webhook-id")).distinct().count());
        }
    }

    private Process start(String name) throws Exception {
        Process p = AppProcess.start(PORT, WORK.resolve("app-" + name + ".log"), Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", JDBC,
                "FAULTLINE_BOOTSTRAP_API_KEY", KEY,
                "FAULTLINE_WEBHOOKS_ALLOWED_HOSTS", "127.0.0.1",
                "FAULTLINE_WEBHOOKS_POLL_INTERVAL", "1s",
                // a 5 s time-out: the kill lands while the request waits; the lease on a claim is 15 s
                "FAULTLINE_WEBHOOKS_TIMEOUT", "5s"));
        apps.add(p);
        return p;
    }

    private static String string(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(JDBC, "faultline", "faultline");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static void sql(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(JDBC, "faultline", "faultline");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
