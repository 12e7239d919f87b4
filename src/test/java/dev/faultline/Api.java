package dev.faultline;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Authenticated requests for tests: the bootstrap API key (all scopes), or a signed-in browser session. */
public final class Api {

    /** Matches %test.faultline.security.bootstrap-api-key. */
    public static final String KEY = "test-bootstrap-key-0123456789abcdef0123456789";
    public static final String ADMIN_PASSWORD = "test-admin-password";
    /** Unique per test run: the test database keeps users and keys between runs. */
    public static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private Api() {}

    /** A request with the bootstrap key. */
    public static RequestSpecification given() {
        return RestAssured.given().header("Authorization", "Bearer " + KEY);
    }

    public static RequestSpecification anonymous() {
        return RestAssured.given().redirects().follow(false);
    }

    /** A browser session: its cookie and the CSRF token its forms carry. */
    public record Session(String cookie, String csrf) {

        public RequestSpecification given() {
            return RestAssured.given().redirects().follow(false).cookie("faultline_session", cookie);
        }
    }

    /** Signs in through the sign-in form, as a browser does. */
    public static Session login(String username, String password) {
        Response form = RestAssured.given().get("/login");
        Response answer = RestAssured.given().redirects().follow(false)
                .cookie("faultline_login_csrf", form.getCookie("faultline_login_csrf"))
                .formParams(Map.of("username", username, "password", password, "next", "/",
                        "csrf-token", csrfIn(form.asString())))
                .post("/login");
        if (answer.statusCode() != 303) {
            throw new AssertionError("sign-in of " + username + " answered " + answer.statusCode());
        }
        String cookie = answer.getCookie("faultline_session");
        String page = RestAssured.given().cookie("faultline_session", cookie).get("/").asString();
        return new Session(cookie, csrfIn(page));
    }

    public static String csrfIn(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no CSRF token in the page");
        }
        return m.group(1);
    }

    /** Creates a user through the admin API (as the bootstrap admin) and signs them in. */
    public static Session user(String username, String role) {
        Session admin = login("admin", ADMIN_PASSWORD);
        String password = "pw-" + username + "-0123456789";
        int status = admin.given().header("X-CSRF-Token", admin.csrf()).contentType("application/json")
                .body(Map.of("username", username, "role", role, "password", password))
                .post("/api/v1/admin/users").statusCode();
        if (status != 201 && status != 422) {
            throw new AssertionError("creating " + username + " answered " + status);
        }
        return login(username, password);
    }
}
