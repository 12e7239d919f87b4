package dev.faultline.digest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.Api;
import dev.faultline.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Without an SMTP server configured (the quick start's setting) a digest is made and kept in the outbox, marked
 * unsent, never dropped; the Digests page is where a user subscribes and sends it, and an administrator reads it.
 */
@QuarkusTest
@TestProfile(DigestOutboxProfileTest.NoSmtp.class)
class DigestOutboxProfileTest {

    public static class NoSmtp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // nothing listens on this port: a mail that tried to leave would fail, not pass unnoticed
            return Map.of("faultline.digest.smtp", "false", "quarkus.mailer.port", "1");
        }
    }

    @Inject
    TestDatabase db;

    @Inject
    DigestJob job;

    @Test
    void subscribingAndSendingFromThePageKeepsTheMailUnsentInTheOutbox() {
        db.clear();
        // inside the day the daily 06:00 UTC mail covers, whatever the hour the test runs at (a record 24 h old is
        // outside it between midnight and 06:00)
        Instant coveredDay = new Schedule("day", null, 6, ZoneOffset.UTC).latest(Instant.now()).start();
        Seed.record(db, "O-1", "P-7", "Plant A", coveredDay.plusSeconds(12 * 3600), "Pump seal leaking", "Leaking");
        Api.Session tech = Api.user("outbox-tech-" + Api.RUN, "technician");
        String page = tech.given().get("/digests").then().statusCode(200).extract().asString();
        assertTrue(page.contains("Subscribe"));
        tech.given().formParams(Map.of("csrf-token", tech.csrf(), "email", "not-an-address", "every", "week"))
                .post("/digests").then().statusCode(422).body(containsString("email"));
        tech.given().formParams(Map.of("csrf-token", tech.csrf(), "email", "shift-lead@localhost", "every", "day",
                "hour", "6", "zone", "UTC", "sites", "Plant A, Plant B")).post("/digests").then().statusCode(303);
        long id = db.count("SELECT id FROM digest_subscriptions WHERE email = 'shift-lead@localhost'");
        assertEquals("[\"Plant A\", \"Plant B\"]", db.string("SELECT filters->>'sites' FROM digest_subscriptions"
                + " WHERE id = " + id).replace("\",\"", "\", \""));
        tech.given().formParams(Map.of("csrf-token", tech.csrf())).post("/digests/" + id + "/send").then()
                .statusCode(303);
        // a form without the session's token changes nothing
        tech.given().formParams(Map.of("csrf-token", "forged")).post("/digests/" + id + "/send").then().statusCode(403);
        job.tick(Instant.now(), "instance-a");
        assertEquals(1, db.count("SELECT count(*) FROM digest_deliveries WHERE status = 'unsent' AND html IS NOT NULL"));
        assertEquals(0, db.count("SELECT count(*) FROM digest_deliveries WHERE status <> 'unsent'"));
        long delivery = db.count("SELECT id FROM digest_deliveries");

        tech.given().get("/digests/outbox/" + delivery).then().statusCode(403);
        Api.Session admin = Api.login("admin", Api.ADMIN_PASSWORD);
        admin.given().get("/digests").then().statusCode(200).body(containsString("data-status=\"unsent\""))
                .body(containsString("shift-lead@localhost"));
        admin.given().get("/digests/outbox/" + delivery).then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'none'"))
                .body(containsString("Pump seal leaking"));
        admin.given().header("X-CSRF-Token", admin.csrf()).post("/api/v1/digests/deliveries/" + delivery + "/retry")
                .then().statusCode(200).body("status", equalTo("queued"));
        job.tick(Instant.now(), "instance-a");
        assertEquals(1, db.count("SELECT count(*) FROM digest_deliveries WHERE status = 'unsent'"));
        tech.given().get("/digests/" + id + "/preview").then().statusCode(200).body(containsString("FAULTLINE DIGEST"));
        tech.given().get("/reports/period?from=2024-01-01&to=2024-02-01").then().statusCode(200)
                .body(containsString("No records in this period")).body(containsString("/static/report.css"));
    }
}
