package dev.faultline.classify;

import static dev.faultline.Api.given;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With the CJK model turned off ({@code none}) there is no second head: Chinese text goes to the main one. */
@QuarkusTest
@TestProfile(CjkOffProfileTest.NoCjkModel.class)
class CjkOffProfileTest {

    public static class NoCjkModel implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("faultline.model.cjk-embedding-manifest", "none");
        }
    }

    @Inject
    TestDatabase db;

    @Test
    void chineseTextIsClassifiedByTheMainHead() {
        db.clear();
        ClassifyTest.awaitModel();
        JsonPath classifier = given().get("/api/v1/classifier").then().statusCode(200).extract().jsonPath();
        assertNull(classifier.get("cjkName"), classifier.prettify());
        assertNull(classifier.get("cjkEmbeddingModel"), classifier.prettify());
        assertTrue(ClassifyTest.classify("2#空压机排气温度过高，高温报警停机").getString("model")
                .startsWith("fault-classifier@v"));
        assertTrue(DefectClassifyTest.classify("外壳孔径尺寸超差，抽检 10 件 NG 4 件").getString("model")
                .startsWith("defect-classifier@"));
    }
}
