package dev.faultline.digest;

import static dev.faultline.Api.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.faultline.Api;
import dev.faultline.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A digest in the subscription's language: Chinese words, dates and class names around the records as written. */
@QuarkusTest
class DigestLanguageTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(3025, "127.0.0.1", "smtp"));

    @Inject
    TestDatabase db;

    @Inject
    DigestJob job;

    private final Instant now = Instant.now();

    @BeforeEach
    void empty() {
        db.clear();
    }

    @Test
    void aChineseSubscriptionGetsItsMailInChinese() throws Exception {
        Instant weekStart = new Schedule("week", DayOfWeek.MONDAY, 0, ZoneOffset.UTC).latest(now).start();
        Instant t = weekStart.plus(1, ChronoUnit.DAYS);
        Seed.record(db, "Z-1", "P-101", "Plant A", t, "泵 P-101 机械密封泄漏", "Leaking");
        Seed.record(db, "Z-2", "P-101", "Plant A", t.plus(2, ChronoUnit.HOURS), "泵 P-101 机械密封再次泄漏", "Leaking");
        Seed.record(db, "Z-3", "P-102", "Plant A", t.plus(1, ChronoUnit.DAYS), "轴承异响", "Noise");
        long id = given().contentType(ContentType.JSON).body(Map.of("email", "leads@plant.example", "schedule",
                Map.of("every", "week", "day", "MONDAY", "hour", 0, "zone", "UTC"), "filters",
                Map.of("faultClasses", List.of("Leaking", "Noise")), "language", "zh"))
                .post("/api/v1/digests/subscriptions").then().statusCode(201).body("language", equalTo("zh"))
                .extract().jsonPath().getLong("id");
        given().post("/api/v1/digests/subscriptions/" + id + "/send").then().statusCode(202);
        job.tick(now, "instance-a");

        MimeMessage[] mails = SMTP.getReceivedMessages();
        assertEquals(1, mails.length);
        String subject = mails[0].getSubject();
        int year = weekStart.atZone(ZoneOffset.UTC).getYear();
        assertTrue(subject.startsWith("Faultline 摘要：3 条记录，" + year + "年"), subject);
        Multipart parts = (Multipart) mails[0].getContent();
        String text = ((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n");
        String html = (String) parts.getBodyPart(1).getContent();
        assertTrue(text.startsWith("FAULTLINE 摘要\n"), text);
        assertTrue(text.contains("范围：失效模式 泄漏, 异常噪声"), text);
        assertTrue(text.contains("3 条本周期记录 (上一周期无记录)"), text);
        assertTrue(text.contains("主要失效模式\n- 泄漏: 2\n- 异常噪声: 1\n"), text);
        assertTrue(text.contains("记录最多的设备\n- P-101: 2\n"), text);
        assertTrue(text.contains("轴承异响 (异常噪声，该设备上首次出现)"), text);
        assertTrue(html.contains("<html lang=\"zh\">") && html.contains(">主要失效模式</h2>") && html.contains(">退订</a>"),
                html);
        // the links keep the stored (English) class names: the pages filter by them
        assertTrue(html.contains("faultClass=Leaking"), html);
        assertTrue(!html.contains("Top failure modes") && !text.contains("records this period"), text);
        // the preview is the same mail, whatever the language of the page that asks
        given().header("Accept-Language", "en").get("/api/v1/digests/subscriptions/" + id + "/preview").then()
                .statusCode(200).body(containsString(">主要失效模式</h2>"));
    }

    @Test
    void anEnglishSubscriptionIsTheDefaultAndAnUnknownLanguageIsRefused() {
        given().contentType(ContentType.JSON).body(Map.of("email", "a@plant.example")).post("/api/v1/digests/subscriptions")
                .then().statusCode(201).body("language", equalTo("en"));
        given().contentType(ContentType.JSON).body(Map.of("email", "b@plant.example", "language", "fr"))
                .post("/api/v1/digests/subscriptions").then().statusCode(422)
                .body("errors[0].field", equalTo("language")).body("errors[0].reason", containsString("zh"));
    }

    @Test
    void theDigestsPageSubscribesInThePagesLanguage() {
        Api.Session tech = Api.user("digest-zh-" + Api.RUN, "technician");
        tech.given().header("Accept-Language", "zh-CN").get("/digests").then().statusCode(200)
                .body(containsString("<option value=\"zh\" lang=\"zh-CN\" selected>中文</option>"));
        tech.given().header("Accept-Language", "zh-CN").formParams(Map.of("csrf-token", tech.csrf(), "email",
                "zh@plant.example", "every", "week", "day", "MONDAY", "hour", "7", "zone", "UTC", "language", "zh"))
                .post("/digests").then().statusCode(303);
        assertEquals(1, db.count("SELECT count(*) FROM digest_subscriptions WHERE email = 'zh@plant.example'"
                + " AND language = 'zh'"));
    }
}
