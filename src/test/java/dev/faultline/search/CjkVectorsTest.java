package dev.faultline.search;

import static dev.faultline.Api.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.Json;
import dev.faultline.TestDatabase;
import dev.faultline.TestIndex;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Records in Chinese get vectors from the CJK model as well as the main one, and questions in Chinese are searched
 * with it (#24: language routing); English records and questions keep the main model only.
 */
@QuarkusTest
class CjkVectorsTest {

    @Inject
    TestDatabase db;

    @Inject
    TestIndex index;

    @BeforeEach
    void seed() {
        db.clear();
        given().contentType(ContentType.JSON).body(Json.batch(
                Json.record("ZH-SEAL", "P-101 机械密封泄漏，停机更换密封"),
                Json.record("ZH-BELT", "皮带跑偏，调整托辊后正常"),
                Json.record("ZH-TRIP", "电机过载跳闸，接触器烧毁已更换"),
                Json.record("ZH-SCRATCH", "产品表面划伤，返工处理"),
                Json.record("EN-SEAL", "pump seal leaking, replaced mechanical seal"))).post("/api/v1/records").then()
                .statusCode(200);
        index.awaitEmpty();
    }

    @Test
    void chineseRecordsAlsoGetVectorsFromTheCjkModel() {
        assertEquals(4, db.count("SELECT count(*) FROM record_embeddings_cjk e JOIN records r ON r.id = e.record_id"
                + " WHERE r.external_id LIKE 'ZH-%' AND e.model = 'bge-small-zh-v1.5-q@0.36.2'"
                + " AND vector_dims(e.embedding) = 512"));
        assertEquals(0, db.count("SELECT count(*) FROM record_embeddings_cjk e JOIN records r ON r.id = e.record_id"
                + " WHERE r.external_id = 'EN-SEAL'"));
        assertEquals(5, db.count("SELECT count(*) FROM record_embeddings"), "every record keeps its main vector");
    }

    @Test
    void aChineseQuestionIsSearchedWithTheCjkModel() {
        List<String> seal = semantic("水泵漏水了");
        assertEquals("ZH-SEAL", seal.getFirst());
        assertFalse(seal.contains("EN-SEAL"), "the CJK vectors hold only the records in CJK script");
        assertEquals("ZH-BELT", semantic("输送带走偏").getFirst());
        assertEquals("ZH-TRIP", semantic("电动机超载停机").getFirst());
        // an English question stays with the main model, which holds every record
        assertEquals("EN-SEAL", semantic("pump seal leak").getFirst());
        // one Chinese word in an English question leaves it English (a fifth of the letters must be CJK)
        assertTrue(semantic("pump seal leak 泵").contains("EN-SEAL"));
    }

    @Test
    void aRecordEditedIntoEnglishLosesItsCjkVectors() {
        given().contentType(ContentType.JSON).body(Json.batch(Json.record("ZH-BELT", "belt tracking off, idlers adjusted")))
                .post("/api/v1/records").then().statusCode(200);
        index.awaitEmpty();
        assertEquals(0, db.count("SELECT count(*) FROM record_embeddings_cjk e JOIN records r ON r.id = e.record_id"
                + " WHERE r.external_id = 'ZH-BELT'"));
        assertTrue(db.count("SELECT count(*) FROM record_embeddings_cjk") == 3);
    }

    private static List<String> semantic(String q) {
        return given().queryParams(Map.of("q", q, "mode", "semantic")).get("/api/v1/search").then().statusCode(200)
                .extract().jsonPath().getList("items.record.externalId");
    }
}
