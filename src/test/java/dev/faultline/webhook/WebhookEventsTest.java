package dev.faultline.webhook;

import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.Api;
import dev.faultline.TestDatabase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The events other features announce (a classification, a finished import) reach the endpoints that want them and
 * only those, and the outbox row belongs to the transaction of the change: rolled back, nothing is sent.
 */
@QuarkusTest
class WebhookEventsTest {

    private static final String CSV = """
            IDENT,PROBLEM,ACTION
            EV-1,HYDRAULIC HOSE LEAKING AT BOOM,REPLACED HOSE
            EV-2,ENGINE IDLE OVERRIDE KILLED ENGINE.,REMOVED & REPLACED FUEL SERVO
            EV-3,#2 CYL ROCKER COVER GASKET LEAKING,REPLACED GASKET
            """;
    private static final String MAPPING = "{\"externalId\":\"IDENT\",\"text\":\"PROBLEM\","
            + "\"fields.problem\":\"PROBLEM\",\"fields.action\":\"ACTION\"}";

    @Inject
    TestDatabase db;

    @Inject
    WebhookJob job;

    @Inject
    WebhookEvents events;

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

    private String register(String path, List<String> types) {
        String secret = admin.given().header("X-CSRF-Token", admin.csrf()).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url() + path, "events", types)).post("/api/v1/webhooks").then()
                .statusCode(201).body("secret", startsWith("whsec_")).extract().path("secret");
        events.changed(); // the cache of wanted types is per instance; the API call refreshed it already
        return secret;
    }

    private List<Receiver.Request> signedWith(String secret) throws Exception {
        List<Receiver.Request> mine = new java.util.ArrayList<>();
        for (Receiver.Request r : receiver.received) {
            if (r.header("webhook-signature").contains(WebhookTest.expectedSignature(secret, r))) {
                mine.add(r);
            }
        }
        return mine;
    }

    private static List<String> types(List<Receiver.Request> requests) {
        return requests.stream().map(r -> JsonPath.from(r.body()).getString("type")).sorted().toList();
    }

    @Test
    void aClassificationAndAFinishedImportReachTheEndpointsThatWantThemAndNoOthers() throws Exception {
        String ops = register("/ops", List.of("record.classified", "import.finished"));
        String cmms = register("/cmms", List.of("record.created"));
        String id = Api.given().multiPart("file", "ev.csv", CSV.getBytes(StandardCharsets.UTF_8),
                "application/octet-stream").multiPart("mapping", MAPPING).multiPart("source", "webhook-test")
                .post("/api/v1/imports").then().statusCode(202).extract().path("id");
        for (int i = 0; i < 300 && signedWith(ops).size() < 4; i++) { // the import and classify jobs run by themselves
            Thread.sleep(100);
            job.tick();
        }
        List<Receiver.Request> toOps = signedWith(ops);
        assertEquals(List.of("import.finished", "record.classified", "record.classified", "record.classified"),
                types(toOps));
        assertEquals(List.of("record.created", "record.created", "record.created"), types(signedWith(cmms)));
        assertEquals(7, receiver.received.size(), "each event went to its own endpoint only");

        JsonPath finished = toOps.stream().map(r -> JsonPath.from(r.body()))
                .filter(b -> b.getString("type").equals("import.finished")).findFirst().orElseThrow();
        assertEquals(id, finished.getString("data.id"));
        assertEquals("completed", finished.getString("data.state"));
        assertEquals(3, finished.getInt("data.created"));
        assertEquals("/api/v1/imports/" + id, finished.getString("data.href"));
        for (Receiver.Request r : toOps) {
            JsonPath body = JsonPath.from(r.body());
            if (body.getString("type").equals("record.classified")) {
                assertNotNull(body.getString("data.faultClass"));
                float confidence = body.getFloat("data.confidence");
                assertTrue(confidence > 0 && confidence <= 1, "confidence " + confidence);
                // the same record, as the API shows it, carries the announced class
                Api.given().get(body.getString("data.href")).then().statusCode(200)
                        .body("faultClass", org.hamcrest.Matchers.equalTo(body.getString("data.faultClass")));
            }
        }
    }

    @Test
    void aChangeRolledBackAnnouncesNothingAndOneCommittedDoes() throws Exception {
        register("", List.of("record.created"));
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            events.publish("record.created", Map.of("externalId", "RB-1"));
            throw new IllegalStateException("the change failed after its event was written");
        }));
        assertEquals(0, job.tick());
        assertEquals(0, db.count("SELECT count(*) FROM webhook_events"));
        QuarkusTransaction.requiringNew().run(() -> events.publish("record.created", Map.of("externalId", "OK-1")));
        assertEquals(1, job.tick());
        assertEquals(1, receiver.received.size());
        assertEquals("OK-1", JsonPath.from(receiver.received.getFirst().body()).getString("data.externalId"));
    }
}
