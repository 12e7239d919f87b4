package dev.faultline.security;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.faultline.Api;
import dev.faultline.Json;
import dev.faultline.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CsrfAndSessionTest {

    @Inject
    TestDatabase db;

    static final Map<String, String> RECORD_FORM = Map.of("kind", "maintenance_log", "asset", "",
            "occurredAt", "2024-05-01T10:00", "text", "belt slipping on conveyor 3");

    @Test
    void aFormPostWithoutTheTokenIsRejected() {
        Api.Session tech = Api.user("csrf-tech-" + Api.RUN, Roles.TECHNICIAN);
        long before = db.records();
        tech.given().formParams(RECORD_FORM).post("/records/new").then()
                .statusCode(403).body(containsString("security token"));
        tech.given().formParams(RECORD_FORM).formParam("csrf-token", "forged").post("/records/new").then()
                .statusCode(403);
        assertEquals(before, db.records());
        tech.given().formParams(RECORD_FORM).formParam("csrf-token", tech.csrf()).post("/records/new").then()
                .statusCode(303).header("Location", containsString("/records/"));
        assertEquals(before + 1, db.records());
        assertEquals(1, db.count("SELECT count(*) FROM records WHERE author = 'csrf-tech-" + Api.RUN + "' AND source = 'faultline-web'"));
    }

    @Test
    void apiCallsWithTheSessionCookieNeedTheCsrfHeader() {
        Api.Session tech = Api.user("csrf-api-" + Api.RUN, Roles.TECHNICIAN);
        tech.given().contentType("application/json").body(Json.batch(Json.record("CSRF-1", "x")))
                .post("/api/v1/records").then().statusCode(403);
        tech.given().header("X-CSRF-Token", tech.csrf()).contentType("application/json")
                .body(Json.batch(Json.record("CSRF-1", "x"))).post("/api/v1/records").then().statusCode(200);
        // keys are not sent by browsers on their own, so they need no token
        Api.given().contentType("application/json").body(Json.batch(Json.record("CSRF-2", "x")))
                .post("/api/v1/records").then().statusCode(200);
    }

    @Test
    void signInFormNeedsItsOwnToken() {
        RestAssured.given().redirects().follow(false)
                .formParams(Map.of("username", "admin", "password", Api.ADMIN_PASSWORD, "csrf-token", "x"))
                .post("/login").then().statusCode(403).body(containsString("expired"));
    }

    @Test
    void signOutEndsTheSessionOnTheServer() {
        Api.Session s = Api.user("bye-user-" + Api.RUN, Roles.TECHNICIAN);
        s.given().get("/").then().statusCode(200);
        s.given().formParam("csrf-token", s.csrf()).post("/logout").then()
                .statusCode(303).header("Location", endsWith("/login?bye=1"));
        // the old cookie is worthless now, even if someone kept it
        s.given().get("/").then().statusCode(302).header("Location", startsWith("/login"));
        s.given().get("/api/v1/records").then().statusCode(401);
    }

    @Test
    void repeatedFailedSignInsLockTheUserName() {
        Api.user("throttled-" + Api.RUN, Roles.TECHNICIAN);
        for (int i = 0; i < 5; i++) {
            var form = RestAssured.given().get("/login");
            RestAssured.given().redirects().follow(false)
                    .cookie("faultline_login_csrf", form.getCookie("faultline_login_csrf"))
                    .formParams(Map.of("username", "throttled-" + Api.RUN, "password", "wrong-password-" + i,
                            "csrf-token", Api.csrfIn(form.asString())))
                    .post("/login").then().statusCode(i < 4 ? 401 : 429);
        }
        var form = RestAssured.given().get("/login");
        RestAssured.given().redirects().follow(false)
                .cookie("faultline_login_csrf", form.getCookie("faultline_login_csrf"))
                .formParams(Map.of("username", "throttled-" + Api.RUN, "password", "pw-throttled-" + Api.RUN + "-0123456789",
                        "csrf-token", Api.csrfIn(form.asString())))
                .post("/login").then().statusCode(429).body(containsString("Too many failed sign-ins"));
    }

    @Test
    void disablingAUserEndsTheirSessions() {
        Api.Session s = Api.user("to-disable-" + Api.RUN, Roles.TECHNICIAN);
        Api.Session admin = Api.login("admin", Api.ADMIN_PASSWORD);
        int id = admin.given().get("/api/v1/admin/users").then().extract().path("find { it.username == 'to-disable-" + Api.RUN + "' }.id");
        admin.given().header("X-CSRF-Token", admin.csrf()).contentType("application/json")
                .body(Map.of("disabled", true)).put("/api/v1/admin/users/" + id).then().statusCode(200);
        s.given().get("/api/v1/records").then().statusCode(401);
        admin.given().header("X-CSRF-Token", admin.csrf()).contentType("application/json")
                .body(Map.of("disabled", false)).put("/api/v1/admin/users/" + id).then().statusCode(200);
    }
}
