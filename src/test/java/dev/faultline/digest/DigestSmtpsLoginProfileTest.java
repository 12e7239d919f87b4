package dev.faultline.digest;

import static dev.faultline.Api.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.faultline.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A plant's mail server as it usually is: SMTP over TLS (SMTPS) with a login. GreenMail's own certificate is
 * self-signed, so this profile trusts any; a wrong password is refused by the server and retried, and the mail
 * goes out once the server accepts the configured login.
 */
@QuarkusTest
@TestProfile(DigestSmtpsLoginProfileTest.SmtpsWithLogin.class)
class DigestSmtpsLoginProfileTest {

    static final int PORT = 3465;

    public static class SmtpsWithLogin implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.mailer.port", String.valueOf(PORT), "quarkus.mailer.tls", "true",
                    "quarkus.mailer.trust-all", "true", "quarkus.mailer.login", "REQUIRED",
                    "quarkus.mailer.username", "faultline", "quarkus.mailer.password", "mail-secret");
        }
    }

    @RegisterExtension
    static final GreenMailExtension SMTPS = new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", "smtps"))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("faultline", "another-password"));

    @Inject
    TestDatabase db;

    @Inject
    DigestJob job;

    @BeforeEach
    void empty() {
        db.clear();
    }

    @Test
    void logsInOverTlsAndAWrongPasswordIsRetriedNotLost() throws Exception {
        long id = given().contentType(ContentType.JSON).body(Map.of("email", "leads@plant.example"))
                .post("/api/v1/digests/subscriptions").then().statusCode(201).extract().jsonPath().getLong("id");
        given().post("/api/v1/digests/subscriptions/" + id + "/send").then().statusCode(202);
        job.tick(Instant.now(), "instance-a");
        assertEquals(0, SMTPS.getReceivedMessages().length, "the server refused the login");
        given().get("/api/v1/digests/subscriptions/" + id + "/deliveries").then().statusCode(200)
                .body("[0].status", equalTo("retrying")).body("[0].lastError", containsString("535"));

        SMTPS.getUserManager().getUser("faultline").setPassword("mail-secret");
        Thread.sleep(1200); // the retry base in tests is 1 s
        assertEquals(1, job.tick(Instant.now(), "instance-a"));
        assertEquals(1, SMTPS.getReceivedMessages().length);
        assertEquals("leads@plant.example", SMTPS.getReceivedMessages()[0].getAllRecipients()[0].toString());
        given().get("/api/v1/digests/subscriptions/" + id + "/deliveries").then().body("[0].status", equalTo("sent"));
    }
}
