package dev.faultline.search;

import static dev.faultline.Api.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.Json;
import dev.faultline.TestDatabase;
import dev.faultline.TestIndex;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cross-language search (#24 point 3): an English question also finds the records written in Chinese, through its
 * translation by the glossary, and a Chinese question the records written in English; a site without Chinese records
 * asks nothing more.
 */
@QuarkusTest
class CrossLanguageTest {

    @Inject
    TestDatabase db;

    @Inject
    TestIndex index;

    @Inject
    CrossLanguage crossLanguage;

    @Test
    void anEnglishQuestionFindsChineseRecordsAndAChineseQuestionEnglishOnes() throws Exception {
        db.clear();
        given().contentType(ContentType.JSON).body(Json.batch(
                record("ZH-BEARING", "2#循环水泵 轴承温度高，报警停机，更换轴承"),
                record("ZH-SCRATCH", "产品表面划伤，返工处理"),
                record("ZH-TRIP", "接触器烧毁，已更换"),
                record("EN-BEARING", "circulating pump bearing overheating, bearing replaced"),
                record("EN-DOOR", "cabin door latch stiff, lubricated"))).post("/api/v1/records").then()
                .statusCode(200);
        index.awaitEmpty();
        for (String mode : List.of("keyword", "semantic", "hybrid")) {
            List<String> english = search("pump bearing overheating", mode);
            assertTrue(english.contains("ZH-BEARING"), mode + ": " + english);
            // the other Chinese records, if the vectors bring them at all, come after it
            assertTrue(english.indexOf("ZH-SCRATCH") < 0 || english.indexOf("ZH-SCRATCH") > english.indexOf("ZH-BEARING"),
                    mode + ": " + english);
            assertTrue(english.indexOf("ZH-TRIP") < 0 || english.indexOf("ZH-TRIP") > english.indexOf("ZH-BEARING"),
                    mode + ": " + english);
        }
        assertEquals(List.of("EN-BEARING", "ZH-BEARING"), search("pump bearing overheating", "keyword"));
        assertEquals("EN-BEARING", search("pump bearing overheating", "hybrid").getFirst(),
                "the question's own language first: the translation's lists weigh less");
        List<String> chinese = search("水泵轴承过热", "keyword");
        assertTrue(chinese.contains("EN-BEARING"), chinese.toString());
        assertFalse(chinese.contains("EN-DOOR"), chinese.toString());
    }

    @Test
    void withoutChineseRecordsAnEnglishQuestionIsNotTranslated() throws Exception {
        db.clear();
        given().contentType(ContentType.JSON).body(Json.batch(record("EN-1", "hydraulic pump leaking")))
                .post("/api/v1/records").then().statusCode(200);
        index.awaitEmpty();
        assertNull(crossLanguage.question("hydraulic pump leaking"));
        assertEquals("hydraulic pump leak", crossLanguage.question("液压泵泄漏").text());
        assertFalse(crossLanguage.question("液压泵泄漏").toChinese(), "the main vectors hold the Chinese records too");
        assertNull(crossLanguage.question("昨天发生了什么"), "nothing the glossary holds");
    }

    /** A record of an asset of its own, its language detected: nothing but its text to find it by. */
    private static Map<String, Object> record(String id, String text) {
        Map<String, Object> r = Json.record(id, text);
        r.put("asset", Map.of("id", "A-" + id, "name", id, "type", "unit"));
        r.put("fields", Map.of());
        r.remove("tags");
        r.remove("language");
        return r;
    }

    private static List<String> search(String q, String mode) {
        return given().queryParams(Map.of("q", q, "mode", mode)).get("/api/v1/search").then().statusCode(200)
                .extract().jsonPath().getList("items.record.externalId");
    }
}
