package dev.faultline.search;

import static dev.faultline.Api.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.Json;
import dev.faultline.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Chinese records (#24, first part): their language detected at ingest, and keyword search that finds them. */
@QuarkusTest
class ChineseKeywordTest {

    @Inject
    TestDatabase db;

    @Inject
    dev.faultline.TestIndex index;

    @BeforeEach
    void seed() {
        db.clear();
        Map<String, Object> zh = Json.record("ZH-1", "6月6日15:10，数据库服务器宕机，应用系统无法连接。");
        zh.remove("language");
        Map<String, Object> mixed = Json.record("ZH-2", "报表生成失败，ORA-01555 快照过旧，DB2 连接池耗尽");
        mixed.remove("language");
        Map<String, Object> en = Json.record("EN-1", "DATABASE SERVER DOWN, R&R IAW MM");
        en.remove("language");
        Map<String, Object> given = Json.record("ZH-3", "主机风扇故障");
        given.put("language", "zh-CN");
        given().contentType(ContentType.JSON).body(Json.batch(zh, mixed, en, given)).post("/api/v1/records").then()
                .statusCode(200);
    }

    @Test
    void theLanguageIsDetectedFromTheScriptWhenNotGiven() {
        assertEquals("zh", language("ZH-1"));
        assertEquals("zh", language("ZH-2"), "mixed Chinese and English is Chinese");
        assertNull(language("EN-1"), "shorthand English is no evidence of a language: none is guessed");
        assertEquals("zh-CN", language("ZH-3"), "a given language is kept");
    }

    @Test
    void keywordSearchFindsChineseWordsInsideSentencesAndEnglishInsideChinese() {
        assertEquals(List.of("ZH-1"), keyword("数据库"));
        assertEquals(List.of("ZH-1"), keyword("服务器宕机"));
        assertEquals(List.of("ZH-2"), keyword("ORA-01555"));
        assertEquals(List.of("ZH-2"), keyword("快照过旧"));
        assertEquals(List.of("ZH-3"), keyword("风扇"));
        assertEquals(List.of(), keyword("变压器"), "words no record holds match nothing");
        // English records index exactly as before: the Chinese function leaves text without CJK unchanged
        assertEquals(1, db.count("SELECT count(*) FROM records WHERE external_id = 'EN-1'"
                + " AND faultline_cjk_bigrams(text) = text"));
        assertEquals(List.of("EN-1"), keyword("database server"));
    }

    @Test
    void aNumberedUnitIsThatUnitAndRecordsOfIsNotAWordToMatch() {
        given().contentType(ContentType.JSON).body(Json.batch(Json.record("U5", "5#加工中心 主轴异响，更换轴承"),
                Json.record("U3", "3#加工中心 来料 5 件尺寸超差"), Json.record("U15", "15#加工中心 导轨润滑不足")))
                .post("/api/v1/records").then().statusCode(200);
        // "5#" is bound to the unit's name, and "记录" (records of) is not required of the records
        assertEquals("U5", keyword("5#加工中心 故障记录").getFirst());
        assertEquals(List.of("'x'", "('5' <-> '加工')", "'加工'"), Cjk.units("查 5#加工中心",
                List.of("'x'", "'5'", "'加工'")));
        assertEquals(List.of("'15'", "'注塑'"), Cjk.units("版本 1.5#注塑 15", List.of("'15'", "'注塑'")),
                "only a whole number before # names a unit");
    }

    @Test
    void recordsOfAnotherNumberedUnitComeAfterThoseOfTheUnitAsked() {
        db.clear();
        given().contentType(ContentType.JSON).body(Json.batch(unit("P1-A", "1#循环水泵", "轴承温度高，报警停机"),
                unit("P1-B", "1#循环水泵", "轴承温度高，加注润滑脂"), unit("P2", "2#循环水泵", "轴承有异响，温度偏高"),
                unit("P0", "冷却塔风机", "风机轴承温度高")))
                .post("/api/v1/records").then().statusCode(200);
        index.awaitEmpty();
        // the unit is named in the asset only: records of unit 1 go after unit 2's and those naming no unit
        List<String> found = given().queryParams(Map.of("q", "2#循环水泵 轴承温度高", "mode", "hybrid")).get("/api/v1/search")
                .then().statusCode(200).extract().jsonPath().getList("items.record.externalId");
        assertEquals(4, found.size(), found.toString());
        assertTrue(found.subList(2, 4).containsAll(List.of("P1-A", "P1-B")), found.toString());
        assertTrue(found.subList(0, 2).containsAll(List.of("P2", "P0")), found.toString());
    }

    private static Map<String, Object> unit(String id, String assetName, String text) {
        Map<String, Object> r = Json.record(id, text);
        r.put("asset", Map.of("id", assetName, "name", assetName, "type", "水泵"));
        r.put("fields", Map.of());
        r.remove("tags");
        r.remove("language");
        return r;
    }

    @Test
    void aRareWordWeighsMoreThanACommonOneAndRecordsWithOnlyCommonWordsAreStillFound() {
        List<Map<String, Object>> more = new java.util.ArrayList<>();
        more.add(Json.record("F1", "风扇异响"));
        for (int i = 1; i <= 5; i++) {
            more.add(Json.record("G" + i, "主机故障，故障代码 E" + i));
        }
        for (int i = 1; i <= 40; i++) {
            more.add(Json.record("P" + i, "电源模块更换 " + i));
        }
        given().contentType(ContentType.JSON).body(Map.of("records", more)).post("/api/v1/records").then()
                .statusCode(200);
        db.execute("ANALYZE records");
        List<String> found = keyword("风扇故障");
        // ZH-3 "主机风扇故障" holds both words; then the fan record: "风扇" is in 2 of 51 records, "故障" in 6, so
        // the fan once outweighs the fault twice (ts_rank, which counts words but not how rare they are, put the
        // five "主机故障，故障代码" records before it)
        assertEquals(List.of("ZH-3", "F1"), found.subList(0, 2), found.toString());
        assertEquals(7, found.size(), "the records with only the common word are found too: " + found);
    }

    private String language(String externalId) {
        return db.string("SELECT language FROM records WHERE external_id = '" + externalId + "'");
    }

    private static List<String> keyword(String q) {
        return given().queryParams(Map.of("q", q, "mode", "keyword")).get("/api/v1/search").then().statusCode(200)
                .extract().jsonPath().getList("items.record.externalId");
    }
}
