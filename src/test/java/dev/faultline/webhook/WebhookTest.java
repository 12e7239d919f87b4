package dev.faultline.webhook;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.Api;
import dev.faultline.Json;
import dev.faultline.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Outbound webhooks to a real HTTP receiver in the test, signatures checked by an independent implementation. */
@QuarkusTest
class WebhookTest {

    @Inject
    TestDatabase db;

    @Inject
    WebhookJob job;

    Receiver receiver;
    Api.Session admin;

    @BeforeEach
    void setUp() {
        db.clear();
        receiver = new Receiver();
        admin = Api.login("admin", Api.ADMIN_PASSWORD);
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    private io.restassured.specification.RequestSpecification asAdmin() {
        return admin.given().header("X-CSRF-Token", admin.csrf()).contentType(ContentType.JSON);
    }

    private JsonPath register(List<String> events) {
        return asAdmin().body(Map.of("url", receiver.url(), "events", events, "description", "CMMS"))
                .post("/api/v1/webhooks").then().statusCode(201).body("secret", startsWith("whsec_"))
                .extract().jsonPath();
    }

    /** The Standard Webhooks signature, computed here with the JDK alone. */
    static String expectedSignature(String secret, Receiver.Request r) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String signed = r.header("webhook-id") + "." + r.header("webhook-timestamp") + "." + r.body();
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void registrationShowsTheSecretOnceAndRefusesInternalAddressesAndUnknownEvents() {
        long id = register(List.of("record.created")).getLong("id");
        asAdmin().get("/api/v1/webhooks/" + id).then().statusCode(200).body("secret", nullValue())
                .body("events", equalTo(List.of("record.created")));
        for (String url : List.of(receiver.url().replace("127.0.0.1", "localhost"), "http://169.254.169.254/latest",
                "http://10.1.2.3/hook", "http://[::1]:8080/", "ftp://example.org/x", "http://user:pw@example.org/")) {
            asAdmin().body(Map.of("url", url, "events", List.of("record.created"))).post("/api/v1/webhooks").then()
                    .statusCode(422).body("errors[0].field", equalTo("url"));
        }
        asAdmin().body(Map.of("url", receiver.url(), "events", List.of("record.created", "record.deleted")))
                .post("/api/v1/webhooks").then().statusCode(422).body("errors.field", hasItems("events[1]"));
        assertEquals(1, db.count("SELECT count(*) FROM webhook_endpoints"));
        Api.given().get("/api/v1/webhooks").then().statusCode(403);
    }

    @Test
    void aNewRecordIsAnnouncedSignedOnceAndAReplayAnnouncesNothing() throws Exception {
        String secret = register(List.of("record.created")).getString("secret");
        var batch = Json.batch(Json.record("WH-1", "hydraulic hose leaking at boom"));
        Api.given().contentType(ContentType.JSON).body(batch).post("/api/v1/records").then().statusCode(200);
        Api.given().contentType(ContentType.JSON).body(batch).post("/api/v1/records").then().statusCode(200);
        job.tick();
        assertEquals(1, receiver.received.size());
        Receiver.Request r = receiver.received.getFirst();
        assertEquals(expectedSignature(secret, r), r.header("webhook-signature"));
        assertTrue(r.header("webhook-id").startsWith("msg_"));
        JsonPath body = JsonPath.from(r.body());
        assertEquals("record.created", body.getString("type"));
        assertEquals("WH-1", body.getString("data.externalId"));
        assertEquals(0, job.tick());
        long endpoint = db.count("SELECT id FROM webhook_endpoints");
        asAdmin().get("/api/v1/webhooks/" + endpoint + "/deliveries").then().statusCode(200)
                .body("[0].status", equalTo("succeeded")).body("[0].responseStatus", equalTo(200))
                .body("[0].attempts", equalTo(1));
    }

    @Test
    void failuresBackOffThenFailForGoodAndARedeliveryKeepsTheWebhookId() throws Exception {
        long endpoint = register(List.of("record.created")).getLong("id");
        receiver.status.set(500);
        Api.given().contentType(ContentType.JSON).body(Json.batch(Json.record("WH-2", "motor tripped")))
                .post("/api/v1/records").then().statusCode(200);
        assertEquals(1, job.tick());
        asAdmin().get("/api/v1/webhooks/" + endpoint + "/deliveries").then().body("[0].status", equalTo("pending"))
                .body("[0].responseStatus", equalTo(500)).body("[0].lastError", equalTo("answered HTTP 500"));
        assertEquals(0, job.tick(), "not due before its backoff");
        for (int i = 0; i < 20 && receiver.received.size() < 3; i++) {
            Thread.sleep(300);
            job.tick();
        }
        assertEquals(3, receiver.received.size(), "three attempts in tests (faultline.webhooks.max-attempts)");
        long delivery = asAdmin().get("/api/v1/webhooks/" + endpoint + "/deliveries").then()
                .body("[0].status", equalTo("failed")).body("[0].attempts", equalTo(3)).extract().jsonPath()
                .getLong("[0].id");
        Thread.sleep(1200);
        assertEquals(0, job.tick(), "a failed delivery is not retried by itself");
        receiver.status.set(204);
        asAdmin().post("/api/v1/webhooks/" + endpoint + "/deliveries/" + delivery + "/redeliver").then()
                .statusCode(200).body("status", equalTo("pending"));
        assertEquals(1, job.tick());
        assertEquals(4, receiver.received.size());
        assertEquals(1, receiver.received.stream().map(r -> r.header("webhook-id")).distinct().count(),
                "every attempt and the redelivery carry the same webhook-id");
        asAdmin().get("/api/v1/webhooks/" + endpoint + "/deliveries").then()
                .body("[0].status", equalTo("succeeded"));
    }

    @Test
    void aRotatedSecretSignsBesideTheOldOneAndATestPingReachesOnlyItsEndpoint() throws Exception {
        JsonPath created = register(List.of("import.finished"));
        long endpoint = created.getLong("id");
        String newSecret = asAdmin().post("/api/v1/webhooks/" + endpoint + "/rotate-secret").then().statusCode(200)
                .extract().path("secret");
        asAdmin().post("/api/v1/webhooks/" + endpoint + "/test").then().statusCode(202)
                .body("type", equalTo("webhook.test"));
        job.tick();
        assertEquals(1, receiver.received.size());
        Receiver.Request r = receiver.received.getFirst();
        List<String> signatures = Arrays.asList(r.header("webhook-signature").split(" "));
        assertEquals(2, signatures.size());
        assertTrue(signatures.contains(expectedSignature(newSecret, r)));
        assertTrue(signatures.contains(expectedSignature(created.getString("secret"), r)));
        assertEquals("webhook.test", JsonPath.from(r.body()).getString("type"));
    }

    @Test
    void anEndpointFailingForDaysIsDisabledAndTheAdminsAreTold() {
        long endpoint = register(List.of("record.created")).getLong("id");
        long told = db.count("SELECT count(*) FROM audit_log WHERE action = 'webhook.disabled'");
        receiver.status.set(503);
        db.execute("UPDATE webhook_endpoints SET failing_since = now() - interval '4 days' WHERE id = " + endpoint);
        Api.given().contentType(ContentType.JSON).body(Json.batch(Json.record("WH-3", "valve stuck")))
                .post("/api/v1/records").then().statusCode(200);
        job.tick();
        asAdmin().get("/api/v1/webhooks/" + endpoint).then().body("enabled", equalTo(false))
                .body("disabledReason", startsWith("every delivery failed since"));
        assertEquals(told + 1, db.count("SELECT count(*) FROM audit_log WHERE action = 'webhook.disabled'"));
        // re-enabling clears the run of failures and the pending delivery goes out
        receiver.status.set(200);
        asAdmin().body(Map.of("url", receiver.url(), "events", List.of("record.created"), "enabled", true))
                .put("/api/v1/webhooks/" + endpoint).then().statusCode(200).body("enabled", equalTo(true));
        try {
            Thread.sleep(1100);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        job.tick();
        assertEquals(2, receiver.received.size());
    }
}
