package dev.faultline.classify;

import static dev.faultline.Api.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.Json;
import dev.faultline.TestDatabase;
import dev.faultline.TestIndex;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Text written in Chinese (Japanese, Korean) is classified by a second head over the CJK embedding model's vectors,
 * trained on the same examples; English text, and English with a Chinese word in it, by the main one.
 */
@QuarkusTest
class CjkClassifyTest {

    @Inject
    TestDatabase db;

    @Inject
    TestIndex index;

    @BeforeEach
    void clean() {
        db.clear();
        awaitCjkHead();
    }

    @Test
    void chineseTextGoesToTheCjkModelsHeadAndEnglishToTheMainOne() {
        JsonPath classifier = given().get("/api/v1/classifier").then().statusCode(200).extract().jsonPath();
        assertTrue(classifier.getString("cjkEmbeddingModel").startsWith("bge-small-zh"), classifier.prettify());
        assertNotEquals(classifier.getString("embeddingModel"), classifier.getString("cjkEmbeddingModel"));

        JsonPath zh = ClassifyTest.classify("2#空压机排气温度过高，达到110℃，高温报警停机");
        assertEquals(classifier.getString("cjkName"), zh.getString("model"));
        assertEquals("Overheating", zh.getString("label"), zh.prettify());
        assertTrue(zh.getList("evidence", Map.class).stream().anyMatch(e -> dev.faultline.search.Cjk.written(
                (String) e.get("text"))), "its nearest examples are Chinese ones");
        assertTrue(ClassifyTest.classify("motor over heating").getString("model").startsWith("fault-classifier@v"));
        // one Chinese word does not make a text Chinese
        assertTrue(ClassifyTest.classify("Pump P-101 mechanical seal leaking at 泵 outlet").getString("model")
                .startsWith("fault-classifier@v"));

        JsonPath report = DefectClassifyTest.classify("外壳孔径尺寸超差，实测 Φ20.08（要求 Φ20±0.05），抽检 10 件 NG 4 件");
        assertTrue(report.getString("model").startsWith("defect-classifier-cjk@"), report.prettify());
        assertEquals("Dimensional", report.getString("label"), report.prettify());
        assertTrue(DefectClassifyTest.classify("bore diameter 25.09 measured, drawing 25.00 +0.03")
                .getString("model").startsWith("defect-classifier@"));
    }

    @Test
    void chineseRecordsAreClassifiedInTheBackgroundByTheCjkHeads() {
        Map<String, Object> log = Json.record("ZH-C1", "3#减速机输出轴油封漏油，地面有油迹，更换油封");
        Map<String, Object> report = Json.record("ZH-C2", "外壳平面度超差，实测 0.09（要求 ≤0.05），抽检 20 件 NG 6 件");
        report.put("kind", "quality_report");
        Map<String, Object> english = Json.record("ZH-C3", "gearbox output shaft seal leaking oil");
        given().contentType(ContentType.JSON).body(Json.batch(log, report, english)).post("/api/v1/records").then()
                .statusCode(200);
        ClassifyTest.awaitClassified(db, index, 3);
        given().get("/api/v1/records/" + id("ZH-C1")).then().statusCode(200)
                .body("classification.model", startsWith("fault-classifier-cjk@v"))
                .body("faultClass", equalTo("Leaking"));
        given().get("/api/v1/records/" + id("ZH-C2")).then().statusCode(200)
                .body("classification.model", startsWith("defect-classifier-cjk@"))
                .body("faultClass", equalTo("Dimensional"));
        given().get("/api/v1/records/" + id("ZH-C3")).then().statusCode(200)
                .body("classification.model", startsWith("fault-classifier@v"));
    }

    private long id(String externalId) {
        return db.count("SELECT id FROM records WHERE external_id = '" + externalId + "'");
    }

    /** Waits for the training that made the main head to store the CJK one too. */
    static void awaitCjkHead() {
        ClassifyTest.awaitModel();
        long until = System.currentTimeMillis() + 180_000;
        while (given().get("/api/v1/classifier").then().statusCode(200).extract().jsonPath().get("cjkName") == null) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("no head for CJK text was trained");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
