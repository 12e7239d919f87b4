package dev.faultline.ask;

import static dev.faultline.Api.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.Json;
import dev.faultline.TestDatabase;
import dev.faultline.TestIndex;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ask in Chinese (#24): the built-in answerer answers in the question's language, quotes whole Chinese sentences
 * (split at 。！？；) and cites the records they come from.
 */
@QuarkusTest
class AskChineseTest {

    @Inject
    TestDatabase db;

    @Inject
    TestIndex index;

    @BeforeEach
    void seed() {
        db.clear();
        given().contentType(ContentType.JSON).body(Json.batch(
                        Json.record("ZA-1", "P-101 机械密封泄漏，地面有积水。停机更换机械密封，试车无泄漏。"),
                        Json.record("ZA-2", "皮带跑偏，刮到机架。调整托辊后正常。"),
                        Json.record("ZA-3", "电机过载跳闸；检查发现接触器烧毁，已更换。"),
                        Json.record("EN-1", "Left main tire worn to limits. Tire replaced.")))
                .post("/api/v1/records").then().statusCode(200);
        index.awaitEmpty();
    }

    @Test
    void aChineseQuestionIsAnsweredInChineseWithWholeSentencesAndCitations() {
        JsonPath a = ask("水泵漏水是怎么修好的？");
        String answer = a.getString("answer");
        assertTrue(answer.matches("(?s)\\d+ 条记录匹配；最相关的 \\d+ 条.*写道：.*"), answer);
        assertTrue(answer.contains("停机更换机械密封，试车无泄漏。") || answer.contains("P-101 机械密封泄漏，地面有积水。"),
                "a whole sentence of the seal record is quoted: " + answer);
        List<Long> cited = a.getList("citations.recordId", Long.class);
        assertEquals("ZA-1", db.string("SELECT external_id FROM records WHERE id = " + cited.getFirst()), answer);
    }

    @Test
    void aChineseCountingQuestionIsCountedAndAnsweredInChinese() {
        given().contentType(ContentType.JSON).body(Json.batch(
                        Json.record("ZA-4", "皮带又跑偏了，重新调整托辊。"),
                        Json.record("ZA-5", "2#皮带机皮带跑偏，更换托辊。")))
                .post("/api/v1/records").then().statusCode(200);
        JsonPath a = ask("皮带跑偏发生了多少次？");
        String answer = a.getString("answer");
        // exactly the records holding the subject as written: "皮带又跑偏了" is not counted
        assertTrue(answer.startsWith("2 条记录与“皮带跑偏”有关"), answer);
        assertTrue(answer.contains("统计：包含 皮带 带跑 跑偏 的记录。"), answer);
        assertEquals(2, a.getList("citations").size(), answer);
        assertTrue(answer.contains("2#皮带机皮带跑偏，更换托辊。 [") && answer.contains("\n• "), answer);
        assertTrue(ask("冷却塔风机故障有几次？").getString("answer").startsWith("记录中未找到：没有关于“冷却塔风机故障”的记录。"));
        // a kind of record named in the question ("工单") is a kind filter, said so in Chinese
        Map<String, Object> order = Json.record("ZA-6", "3#皮带机皮带跑偏，调整张紧。");
        order.put("kind", "work_order");
        given().contentType(ContentType.JSON).body(Json.batch(order)).post("/api/v1/records").then().statusCode(200);
        String orders = ask("皮带跑偏的工单有几条？").getString("answer");
        assertTrue(orders.startsWith("1 条记录与“皮带跑偏”有关"), orders);
        assertTrue(orders.contains("统计：包含 皮带 带跑 跑偏 的工单。"), orders);
    }

    @Test
    void chineseWhichAssetMostAndSinceWhenAreCountedToo() {
        List<Map<String, Object>> more = new java.util.ArrayList<>();
        String[][] rows = {{"ZB-1", "皮带跑偏，调整托辊。", "BC-1", "2024-03-01"}, {"ZB-2", "皮带跑偏，更换托辊。", "BC-1", "2024-05-02"},
            {"ZB-3", "皮带跑偏，清理滚筒。", "BC-2", "2024-04-03"}};
        for (String[] row : rows) {
            Map<String, Object> r = Json.record(row[0], row[1]);
            r.put("asset", Map.of("id", row[2], "type", "皮带机"));
            r.put("occurredAt", row[3] + "T08:00:00Z");
            more.add(r);
        }
        given().contentType(ContentType.JSON).body(Map.of("records", more)).post("/api/v1/records").then()
                .statusCode(200);
        String most = ask("哪台设备的皮带跑偏最多？").getString("answer");
        assertTrue(most.startsWith("BC-1 最多：关于“皮带跑偏”的 4 条记录中有 2 条（其次：BC-2: 1"), most);
        assertTrue(most.contains("）。其最近的：\n• 2024-05-02, BC-1: 皮带跑偏，更换托辊。"), most);
        String first = ask("皮带跑偏最早是什么时候？").getString("answer");
        assertTrue(first.startsWith("最早记录于 2024-03-01；"), first);
        assertEquals(first, ask("皮带跑偏是从什么时候开始的？").getString("answer"));
    }

    @Test
    void anEnglishQuestionIsStillAnsweredInEnglish() {
        String answer = ask("what was done about the worn tire?").getString("answer");
        assertTrue(answer.matches("(?s)\\d+ records? match(es)?; the .*"), answer);
    }

    private static JsonPath ask(String question) {
        return given().contentType(ContentType.JSON).body(Map.of("question", question)).post("/api/v1/ask").then()
                .statusCode(200).extract().jsonPath();
    }
}
