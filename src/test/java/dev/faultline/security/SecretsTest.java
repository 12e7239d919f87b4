package dev.faultline.security;

import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.Api;
import dev.faultline.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Passwords and keys are never logged, never returned after creation, and stored only as hashes. */
@QuarkusTest
class SecretsTest {

    static final String PASSWORD = "Correct-Horse-Battery-Staple-42";
    static final String USER = "secret-keeper-" + Api.RUN;
    static final String KEY_NAME = "sap-pm-" + Api.RUN;

    @Inject
    TestDatabase db;

    final List<String> logged = new ArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            logged.add(String.valueOf(r.getMessage()) + " " + java.util.Arrays.toString(r.getParameters())
                    + (r.getThrown() == null ? "" : " " + r.getThrown()));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void listen() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stop() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void passwordsAreNeverLoggedReturnedOrStoredInClear() {
        Api.Session admin = Api.login("admin", Api.ADMIN_PASSWORD);
        String created = admin.given().header("X-CSRF-Token", admin.csrf()).contentType("application/json")
                .body(Map.of("username", USER, "role", "engineer", "password", PASSWORD))
                .post("/api/v1/admin/users").then().statusCode(201).extract().asString();
        assertFalse(created.contains(PASSWORD) || created.contains("$2"), created);
        assertFalse(created.toLowerCase().contains("password"), created);
        admin.given().get("/api/v1/admin/users").then().body(not(containsString("$2"))).body(not(containsString(PASSWORD)));
        admin.given().get("/admin/users").then().body(not(containsString("$2"))).body(not(containsString(PASSWORD)));

        Api.login(USER, PASSWORD);
        // a failed sign-in with a near-miss password
        var form = RestAssured.given().get("/login");
        RestAssured.given().redirects().follow(false).cookie("faultline_login_csrf", form.getCookie("faultline_login_csrf"))
                .formParams(Map.of("username", USER, "password", PASSWORD + "x",
                        "csrf-token", Api.csrfIn(form.asString())))
                .post("/login").then().statusCode(401);

        assertTrue(logged.stream().anyMatch(l -> l.contains(USER)), "sign-ins are logged: " + logged);
        assertEquals(List.of(), logged.stream().filter(l -> l.contains(PASSWORD)).toList());
        String hash = db.string("SELECT password_hash FROM users WHERE username = '" + USER + "'");
        assertTrue(hash.startsWith("$2") && !hash.contains(PASSWORD), hash);
        assertEquals(0, db.count("SELECT count(*) FROM audit_log WHERE details::text LIKE '%" + PASSWORD + "%'"));
    }

    @Test
    void apiKeysAreShownOnceAndStoredHashed() {
        Api.Session admin = Api.login("admin", Api.ADMIN_PASSWORD);
        String key = admin.given().header("X-CSRF-Token", admin.csrf()).contentType("application/json")
                .body(Map.of("name", KEY_NAME, "scopes", List.of("records:write")))
                .post("/api/v1/admin/api-keys").then().statusCode(201).extract().path("key");
        assertTrue(key.startsWith("flk_") && key.length() > 40);
        admin.given().get("/api/v1/admin/api-keys").then().body(not(containsString(key)));
        admin.given().get("/admin/api-keys").then().body(not(containsString(key)));
        assertEquals(0, db.count("SELECT count(*) FROM api_keys WHERE key_hash = '" + key + "' OR prefix = '" + key + "'"));
        RestAssured.given().header("Authorization", "Bearer " + key).contentType("application/json")
                .body("{\"records\":[{\"source\":\"sap\",\"externalId\":\"K1\",\"text\":\"ok\"}]}")
                .post("/api/v1/records").then().statusCode(200);
        assertEquals(1, db.count("SELECT count(*) FROM api_keys WHERE name = '" + KEY_NAME + "' AND last_used_at IS NOT NULL"));
        assertFalse(logged.stream().anyMatch(l -> l.contains(key)));
    }
}
