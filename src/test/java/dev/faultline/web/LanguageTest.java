package dev.faultline.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.Api;
import dev.faultline.Json;
import dev.faultline.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The interface language: the user's setting, else the language cookie, else Accept-Language, else English. */
@QuarkusTest
class LanguageTest {

    private static final String ZH_BROWSER = "zh-CN,zh;q=0.9,en;q=0.8";

    @Inject
    TestDatabase db;

    @BeforeEach
    void seed() {
        db.clear();
        Map<String, Object> r = Json.record("LANG-1", "pump seal leaking at the gland");
        r.put("occurredAt", "2024-03-01T08:15:00Z");
        Api.given().contentType(ContentType.JSON).body(Map.of("records", List.of(r))).post("/api/v1/records")
                .then().statusCode(200);
    }

    @Test
    void theSignInPageFollowsTheBrowsersLanguage() {
        RestAssured.given().header("Accept-Language", ZH_BROWSER).get("/login").then().statusCode(200)
                .body(containsString("<html lang=\"zh-CN\">")).body(containsString("<h1>登录</h1>"));
        RestAssured.given().header("Accept-Language", "en-GB,en;q=0.9").get("/login").then()
                .body(containsString("<html lang=\"en\">")).body(containsString("<h1>Sign in</h1>"));
        // the best language the app speaks, by weight: French first, then Chinese before English
        RestAssured.given().header("Accept-Language", "fr;q=1, zh;q=0.5, en;q=0.1").get("/login").then()
                .body(containsString("<h1>登录</h1>"));
        RestAssured.given().header("Accept-Language", "fr, de").get("/login").then()
                .body(containsString("<h1>Sign in</h1>"));
        RestAssured.given().header("Accept-Language", ";;q=x,").get("/login").then().statusCode(200)
                .body(containsString("<h1>Sign in</h1>"));
    }

    @Test
    void pagesSpeakChineseWithChineseDatesAndClassNames() {
        Api.Session admin = Api.login("admin", Api.ADMIN_PASSWORD);
        String page = admin.given().header("Accept-Language", ZH_BROWSER).get("/").then().statusCode(200)
                .extract().asString();
        for (String word : List.of("<html lang=\"zh-CN\">", ">搜索</a>", ">提问</a>", ">退出登录</button>",
                "2024年3月1日 08:15 UTC", ">维修日志</option>", ">管理员</span>")) {
            assertTrue(page.contains(word), word + " missing from the record list");
        }
        admin.given().header("Accept-Language", "en").get("/").then()
                .body(containsString(">Search</a>")).body(containsString("2024-03-01 08:15 UTC"))
                .body(containsString(">Maintenance log</option>"));
        long id = Api.given().queryParam("q", "gland").get("/api/v1/records").then().extract()
                .jsonPath().getLong("items[0].id");
        // the record's page: the failure modes to correct to, by their Chinese names (the English one sent)
        admin.given().header("Accept-Language", ZH_BROWSER).get("/records/" + id).then().statusCode(200)
                .body(containsString("value=\"Leaking\">泄漏</option>"));
        admin.given().header("Accept-Language", "en").get("/records/" + id).then().statusCode(200)
                .body(containsString(">Leaking</option>")).body(not(containsString("泄漏")));
        // error pages too: the status by its Chinese name
        admin.given().header("Accept-Language", ZH_BROWSER).get("/records/999999999").then().statusCode(404)
                .body(containsString("<h1>404 · 未找到</h1>")).body(containsString(">返回记录列表</a>"))
                .body(containsString("记录 999999999 不存在"));
        admin.given().header("Accept-Language", ZH_BROWSER).get("/no-such-page").then().statusCode(404)
                .body(containsString("/no-such-page 处没有内容"));
        // the trends page's note on how MTBF is counted, and its table keys for the charts' Chinese legends
        admin.given().header("Accept-Language", ZH_BROWSER).get("/trends").then().statusCode(200)
                .body(containsString("统计的是记录而非已确认的故障")).body(not(containsString("It counts records")));
        // the audit log's actions by name, filtered by their code
        admin.given().header("Accept-Language", ZH_BROWSER).get("/admin/audit").then().statusCode(200)
                .body(containsString("<td>登录</td>")).body(containsString("<option value=\"signed_in\" >登录</option>"));
        admin.given().header("Accept-Language", "en").get("/admin/audit").then().statusCode(200)
                .body(containsString("<td>signed in</td>"));
        admin.given().header("Accept-Language", "en").get("/records/999999999").then().statusCode(404)
                .body(containsString("<h1>404 · Not found</h1>"));
    }

    @Test
    void aSignedInUsersChoiceBeatsTheBrowserAndAutoFollowsItAgain() {
        Api.Session tech = Api.user("lang-" + Api.RUN, "technician");
        tech.given().header("Accept-Language", "en").formParams(Map.of("language", "zh", "next", "/search",
                "csrf-token", tech.csrf())).post("/language").then().statusCode(303)
                .header("Location", containsString("/search"));
        tech.given().header("Accept-Language", "en").get("/search").then()
                .body(containsString("<html lang=\"zh-CN\">")).body(containsString(">技术员</span>"));
        tech.given().header("Accept-Language", "en").formParams(Map.of("language", "auto", "next", "/",
                "csrf-token", tech.csrf())).post("/language").then().statusCode(303);
        tech.given().header("Accept-Language", "en").get("/").then().body(containsString("<html lang=\"en\">"));
        // a cross-site form cannot change a session's language
        tech.given().formParams(Map.of("language", "zh", "next", "/")).post("/language").then().statusCode(403);
    }

    @Test
    void refusedInputIsExplainedInThePagesLanguage() {
        Api.Session tech = Api.user("reasons-" + Api.RUN, "technician");
        Map<String, String> blank = Map.of("kind", "maintenance_log", "asset", "", "occurredAt", "2024-05-01T10:00",
                "text", "", "csrf-token", tech.csrf());
        tech.given().header("Accept-Language", ZH_BROWSER).formParams(blank).post("/records/new").then()
                .statusCode(422).body(containsString("<span class=\"field-error\">必填</span>"))
                .body(not(containsString("is required")));
        tech.given().header("Accept-Language", "en").formParams(blank).post("/records/new").then()
                .statusCode(422).body(containsString("<span class=\"field-error\">is required</span>"));
        tech.given().header("Accept-Language", ZH_BROWSER).queryParam("q", "leak").queryParam("mode", "fuzzy")
                .get("/search").then().body(containsString("“fuzzy”：请使用 hybrid、semantic 或 keyword"));
        // the API stays English
        Api.given().queryParam("q", "leak").queryParam("mode", "fuzzy").header("Accept-Language", ZH_BROWSER)
                .get("/api/v1/search").then().statusCode(400).body(containsString("use hybrid, semantic or keyword"));
    }

    @Test
    void beforeSigningInTheChoiceIsACookie() {
        String cookie = RestAssured.given().redirects().follow(false)
                .formParams(Map.of("language", "zh", "next", "/login?next=/ask")).post("/language").then()
                .statusCode(303).header("Location", containsString("/login")).extract().cookie(UiLanguage.COOKIE);
        assertEquals("zh", cookie);
        RestAssured.given().cookie(UiLanguage.COOKIE, cookie).header("Accept-Language", "en").get("/login").then()
                .body(containsString("<h1>登录</h1>"));
        // an open redirect is not a way back
        RestAssured.given().redirects().follow(false).formParams(Map.of("language", "en", "next", "//evil.example"))
                .post("/language").then().statusCode(303).header("Location", not(containsString("evil")));
    }

    @Test
    void anUnknownLanguageIsABadRequestNamingTheField() {
        // a page's form: the answer is an error page saying which field and what it may be
        RestAssured.given().formParams(Map.of("language", "tlh", "next", "/")).post("/language").then()
                .statusCode(400).contentType(ContentType.HTML)
                .body(containsString("language must be one of [en, zh] or auto"));
    }

    @Test
    void classNamesHaveChineseNamesAndUnknownOnesStayAsWritten() {
        assertEquals("泄漏", dev.faultline.classify.ClassNames.in("Leaking", "zh"));
        assertEquals("尺寸", dev.faultline.classify.ClassNames.in("Dimensional", "zh"));
        assertEquals("Leaking", dev.faultline.classify.ClassNames.in("Leaking", "en"));
        assertEquals("Site special", dev.faultline.classify.ClassNames.in("Site special", "zh"));
    }
}
