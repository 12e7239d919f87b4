package dev.faultline.security;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.Api;
import dev.faultline.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sessions that end, sign-in edge cases, the throttle, and the headers on every answer. */
@QuarkusTest
class SignInHardeningTest {

    @Inject
    TestDatabase db;

    @Test
    void anEndedSessionsCookieIsClearedAndTheSignInPageSaysWhy() {
        Api.Session s = Api.user("ended-" + Api.RUN, Roles.TECHNICIAN);
        s.given().formParam("csrf-token", s.csrf()).post("/logout").then().statusCode(303);
        Response page = s.given().get("/");
        assertEquals(302, page.statusCode());
        String location = page.header("Location");
        assertTrue(location.startsWith("/login?") && location.contains("ended=1"), location);
        assertTrue(page.headers().getValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith("faultline_session=;") && c.contains("Max-Age=0")), page.headers().toString());
        // even a browser that kept the cookie lands on the sign-in page instead of bouncing back to /
        Response login = s.given().get(location);
        assertEquals(200, login.statusCode(), "no redirect loop");
        login.then().body(containsString("Your session has ended"));
        s.given().get("/login").then().statusCode(200).body(containsString("Your session has ended"));
    }

    @Test
    void passwordsLongerThanBcryptReadsAreRefused() {
        Api.Session admin = Api.login("admin", Api.ADMIN_PASSWORD);
        for (String password : new String[] {"x".repeat(73), "é".repeat(37), "p".repeat(200)}) {
            admin.given().header("X-CSRF-Token", admin.csrf()).contentType("application/json")
                    .body(Map.of("username", "long-pw-" + Api.RUN, "role", "technician", "password", password))
                    .post("/api/v1/admin/users").then().statusCode(422)
                    .body("errors.field", hasItem("password"))
                    .body("detail", containsString("72"));
        }
        admin.given().header("X-CSRF-Token", admin.csrf()).contentType("application/json")
                .body(Map.of("username", "long-pw-" + Api.RUN, "role", "technician", "password", "y".repeat(72)))
                .post("/api/v1/admin/users").then().statusCode(201);
    }

    @Test
    void aNextThatIsNotASafeRelativePathIsIgnoredAndNothingFails() {
        Api.user("next-" + Api.RUN, Roles.TECHNICIAN);
        String[][] cases = {{"/search?q=a b", "/"}, {"/records/1\u0001", "/"}, {"/ space", "/"},
                {"https://evil.example/", "/"}, {"//evil.example", "/"}, {"/\\evil.example", "/"},
                {"/login?next=/", "/"}, {"/search?q=seal%20leak", "/search?q=seal%20leak"}};
        for (String[] c : cases) {
            long before = db.count("SELECT count(*) FROM sessions");
            Response r = signIn("next-" + Api.RUN, "pw-next-" + Api.RUN + "-0123456789", c[0], null);
            assertEquals(303, r.statusCode(), c[0] + " -> " + r.asString());
            java.net.URI to = java.net.URI.create(r.header("Location"));
            assertEquals(c[1], to.getRawPath() + (to.getRawQuery() == null ? "" : "?" + to.getRawQuery()), c[0]);
            assertEquals(before + 1, db.count("SELECT count(*) FROM sessions"), "one session per sign-in");
        }
    }

    @Test
    void failuresLockAnAccountOnlyFromTheAddressTheyCameFrom() {
        String name = "throttle-" + Api.RUN;
        Api.user(name, Roles.TECHNICIAN);
        for (int i = 0; i < 5; i++) {
            signIn(name, "wrong-password-" + i, "/", "10.1.1.1").then().statusCode(i < 4 ? 401 : 429);
        }
        String password = "pw-" + name + "-0123456789";
        signIn(name, password, "/", "10.1.1.1").then().statusCode(429);
        // the owner, elsewhere, is not locked out
        signIn(name, password, "/", "10.2.2.2").then().statusCode(303);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        Api.Session s = Api.user("headers-" + Api.RUN, Roles.TECHNICIAN);
        for (Response r : new Response[] {s.given().get("/"), s.given().get("/search?q=pump"),
                RestAssured.given().get("/login"), Api.given().get("/api/v1/records"),
                RestAssured.given().get("/api/v1/records"), RestAssured.given().get("/static/app.css")}) {
            String csp = r.header("Content-Security-Policy");
            assertTrue(csp != null && csp.contains("script-src 'self'") && !csp.contains("unsafe-inline")
                    && csp.contains("frame-ancestors 'none'"), String.valueOf(csp));
            r.then().header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("X-Frame-Options", equalTo("DENY"))
                    .header("Referrer-Policy", equalTo("same-origin"))
                    .header("Strict-Transport-Security", nullValue());
        }
        // behind a TLS-terminating proxy: HSTS, and the session cookie is Secure
        RestAssured.given().header("X-Forwarded-Proto", "https").get("/login").then()
                .header("Strict-Transport-Security", containsString("max-age="));
        Response form = RestAssured.given().get("/login");
        Response signedIn = RestAssured.given().redirects().follow(false).header("X-Forwarded-Proto", "https")
                .cookie("faultline_login_csrf", form.getCookie("faultline_login_csrf"))
                .formParams(Map.of("username", "headers-" + Api.RUN, "password", "pw-headers-" + Api.RUN + "-0123456789",
                        "next", "/", "csrf-token", Api.csrfIn(form.asString())))
                .post("/login");
        assertTrue(signedIn.headers().getValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith("faultline_session=") && c.contains("Secure")), signedIn.headers().toString());
        signedIn.then().header("Set-Cookie", not(containsString("SameSite=None")));
    }

    static Response signIn(String username, String password, String next, String clientAddress) {
        Response form = RestAssured.given().get("/login");
        var request = RestAssured.given().redirects().follow(false)
                .cookie("faultline_login_csrf", form.getCookie("faultline_login_csrf"))
                .formParams(Map.of("username", username, "password", password, "next", next,
                        "csrf-token", Api.csrfIn(form.asString())));
        if (clientAddress != null) {
            request.header("X-Forwarded-For", clientAddress);
        }
        return request.post("/login");
    }
}
