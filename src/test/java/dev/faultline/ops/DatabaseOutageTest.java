package dev.faultline.ops;

import static org.hamcrest.Matchers.equalTo;

import dev.faultline.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The database goes away under the running app (connections dropped, new ones refused, as during a restart):
 * requests answer 503 problem+json with Retry-After, readiness is DOWN, and both recover by themselves.
 */
@QuarkusTest
class DatabaseOutageTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @Test
    void anOutageIs503WithRetryAfterAndTheAppRecoversOnItsOwn() throws Exception {
        Api.given().get("/api/v1/records").then().statusCode(200);
        Api.Session browser = Api.login("admin", Api.ADMIN_PASSWORD);
        outage(true);
        try {
            for (String path : new String[] {"/api/v1/records", "/api/v1/search?q=pump", "/api/v1/assets"}) {
                Api.given().get(path).then().statusCode(503)
                        .header("Retry-After", equalTo("5"))
                        .contentType("application/problem+json")
                        .body("status", equalTo(503));
            }
            browser.given().get("/").then().statusCode(503).header("Retry-After", equalTo("5"));
            RestAssured.given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        } finally {
            outage(false);
        }
        // within the Retry-After the app told clients: pooled connections the outage ended are found dead on
        // their next use (by whichever request or background job takes them first) and replaced
        long until = System.nanoTime() + 5_000_000_000L;
        while (Api.given().get("/api/v1/records").statusCode() != 200 && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        Api.given().get("/api/v1/records").then().statusCode(200);
        browser.given().get("/").then().statusCode(200);
        RestAssured.given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    /** Refuses (or allows again) new connections to the test database and ends the open ones. */
    private void outage(boolean on) throws SQLException {
        // from another database of the same server: a database cannot refuse its own connections
        String db = url.substring(url.lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(url.substring(0, url.lastIndexOf('/') + 1) + "postgres",
                "faultline", "faultline");
                Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE \"" + db + "\" ALLOW_CONNECTIONS " + !on);
            if (on) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + db + "'");
            }
        }
    }
}
