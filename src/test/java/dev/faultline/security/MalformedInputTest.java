package dev.faultline.security;

import static dev.faultline.Api.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.Json;
import dev.faultline.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What probing found: NUL and other control characters, broken UTF-8 and lone surrogates, type errors and long
 * URLs each get a 4xx problem naming the parameter or field, never a 500, and nothing is written.
 */
@QuarkusTest
class MalformedInputTest {

    @Inject
    TestDatabase db;

    @BeforeEach
    void seed() {
        db.clear();
        given().contentType(ContentType.JSON).body(Json.batch(Json.record("M-1", "pump seal leaking"))).post(
                "/api/v1/records").then().statusCode(200);
    }

    /** Raw URLs (already percent-encoded, sent as they are) and the parameter the answer must name. */
    static Stream<Arguments> badUrls() {
        return Stream.of(
                Arguments.of("/api/v1/search?q=pump%00", "q"),
                Arguments.of("/api/v1/search?q=pump&site=Plant%00A", "site"),
                Arguments.of("/api/v1/search?q=pump&asset=P%00", "asset"),
                Arguments.of("/api/v1/search?q=pump&source=s%00", "source"),
                Arguments.of("/api/v1/search?q=pump&faultClass=Leak%00", "faultClass"),
                Arguments.of("/api/v1/search?q=pump&kind=%00", "kind"),
                Arguments.of("/api/v1/search?q=pump&from=2024%00", "from"),
                Arguments.of("/api/v1/search?q=pump&mode=hybrid%00", "mode"),
                Arguments.of("/api/v1/records?asset=P%00", "asset"),
                Arguments.of("/api/v1/records?site=%00", "site"),
                Arguments.of("/api/v1/records?source=a%00", "source"),
                Arguments.of("/api/v1/records?faultClass=%00", "faultClass"),
                Arguments.of("/api/v1/records?to=%00", "to"),
                Arguments.of("/api/v1/records?limit=1%00", "limit"),
                Arguments.of("/api/v1/assets/P%00-101", "path"),
                Arguments.of("/api/v1/assets?q=%00", "q"),
                Arguments.of("/api/v1/fault-classes?site=%00", "site"),
                Arguments.of("/api/v1/ask/stream?question=why%00", "question"),
                Arguments.of("/api/v1/records/1/similar?limit=%00", "limit"),
                Arguments.of("/assets/P%00", "path"),
                Arguments.of("/?asset=%00", "asset"),
                Arguments.of("/search?q=%00", "q"),
                Arguments.of("/api/v1/records?site=Plant%0AA", "site"),
                Arguments.of("/api/v1/records?asset=P%0D%0AX-Injected:%201", "asset"),
                Arguments.of("/api/v1/search?q=pump%01seal", "q"),
                Arguments.of("/api/v1/search?q=pump%ED%A0%80", "q"),
                Arguments.of("/api/v1/search?q=pump%C3", "q"),
                Arguments.of("/api/v1/records?site=%20%20", "site"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badUrls")
    void aBadParameterIs400NamingIt(String url, String field) {
        Response r = given().urlEncodingEnabled(false).redirects().follow(false).get(url);
        assertEquals(400, r.statusCode(), url + " -> " + r.asString());
        if (url.startsWith("/api/")) {
            assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
            r.then().body("status", equalTo(400)).body("errors.field", hasItem(field));
        } else {
            r.then().body(containsString(field));
        }
    }

    static Stream<Arguments> badJson() {
        Map<String, Object> assetNul = Json.record("M-2", "x");
        assetNul.put("asset", Map.of("id", "P\u0000"));
        Map<String, Object> assetBreak = Json.record("M-2", "x");
        assetBreak.put("asset", Map.of("id", "P-1\nX"));
        Map<String, Object> blankSite = Json.record("M-2", "x");
        blankSite.put("asset", Map.of("id", "P-1", "site", "   "));
        Map<String, Object> sourceControl = Json.record("M-2", "x");
        sourceControl.put("source", "cmms\u0007");
        Map<String, Object> sentinel = Json.record("M-2", "pump\u0001seal\u0002");
        return Stream.of(
                Arguments.of("/api/v1/records", Json.batch(assetNul), 422, "records[0].asset.id"),
                Arguments.of("/api/v1/records", Json.batch(assetBreak), 422, "records[0].asset.id"),
                Arguments.of("/api/v1/records", Json.batch(blankSite), 422, "records[0].asset.site"),
                Arguments.of("/api/v1/records", Json.batch(sourceControl), 422, "records[0].source"),
                Arguments.of("/api/v1/records", Json.batch(sentinel), 422, "records[0].text"),
                Arguments.of("/api/v1/classify", Map.of("text", "seal\u0000"), 422, "text"),
                Arguments.of("/api/v1/ask", Map.of("question", "why\u0000"), 422, "question"),
                Arguments.of("/api/v1/summaries", Map.of("filter", Map.of("site", "A\u0000")), 422, "filter.site"));
    }

    @ParameterizedTest(name = "{0} {3}")
    @MethodSource("badJson")
    void aBadJsonStringIs4xxNamingTheField(String path, Object body, int status, String field) {
        given().contentType(ContentType.JSON).body(body).post(path).then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
        assertEquals(1, db.records(), "nothing written");
    }

    @Test
    void loneSurrogatesAndTrailingGarbageAreRefusedNotMangled() {
        String lone = "{\"records\":[{\"source\":\"s\",\"externalId\":\"L\",\"text\":\"seal \\ud800 leak\"}]}";
        given().contentType(ContentType.JSON).body(lone).post("/api/v1/records").then()
                .statusCode(422).body("errors.field", hasItem("records[0].text"))
                .body("detail", containsString("lone surrogate"));
        String trailing = "{\"records\":[{\"source\":\"s\",\"externalId\":\"T\",\"text\":\"ok\"}]} garbage";
        given().contentType(ContentType.JSON).body(trailing).post("/api/v1/records").then()
                .statusCode(400).contentType("application/problem+json");
        assertEquals(1, db.records());
    }

    @Test
    void typeErrorsAre400WithABodyAndNoClassNames() {
        given().get("/api/v1/records?limit=abc").then().statusCode(400).contentType("application/problem+json")
                .body("detail", notNullValue());
        given().get("/api/v1/records/abc").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("path"));
        for (String body : new String[] {"{\"records\":\"x\"}", "{\"records\":[{\"tags\":\"x\"}]}",
                "{\"records\":[{\"text\":[1]}]}", "{\"records\":[{\"asset\":\"x\"}]}"}) {
            given().contentType(ContentType.JSON).body(body).post("/api/v1/records").then().statusCode(400)
                    .body("detail", not(containsString("java.")))
                    .body("detail", not(containsString("`")))
                    .body("detail", not(containsString("LinkedHashMap")))
                    .body("detail", not(containsString("RecordInput")));
        }
    }

    @Test
    void everyErrorHasAProblemBody() {
        RestAssured.given().get("/api/v1/records").then().statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("API key"));
        RestAssured.given().header("Authorization", "Bearer not-a-key").get("/api/v1/records").then()
                .statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("unknown or revoked"));
        String longQuery = "pump ".repeat(2000);
        given().queryParam("q", longQuery).get("/api/v1/search").then().statusCode(414)
                .contentType("application/problem+json").body("detail", containsString("8192"));
    }

    @Test
    void openRoutesAnswerWhateverCredentialsCameWithTheRequest() {
        for (var request : new io.restassured.specification.RequestSpecification[] {
                RestAssured.given().cookie("faultline_session", "ended-long-ago"),
                RestAssured.given().header("Authorization", "Bearer revoked-or-made-up")}) {
            request.get("/q/health/live").then().statusCode(200);
        }
        RestAssured.given().cookie("faultline_session", "ended-long-ago").get("/q/openapi").then().statusCode(200);
        RestAssured.given().header("Authorization", "Bearer revoked-or-made-up").get("/q/openapi").then()
                .statusCode(200);
        RestAssured.given().cookie("faultline_session", "ended-long-ago").get("/login").then().statusCode(200);
    }

    @Test
    void aSignInNameWithControlCharactersIsJustAWrongSignIn() {
        var form = RestAssured.given().get("/login");
        RestAssured.given().redirects().follow(false)
                .cookie("faultline_login_csrf", form.getCookie("faultline_login_csrf"))
                .formParams(Map.of("username", "admin\u0000", "password", "whatever-password",
                        "csrf-token", dev.faultline.Api.csrfIn(form.asString())))
                .post("/login").then().statusCode(401);
    }
}
