package dev.faultline.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The retry schedule the shipped settings give: exponential, capped, jittered by ±25 %, and about a day from the
 * first failure to the last attempt (the "about a day"). Read from application.properties, so changing a
 * default without thinking about the total fails here.
 */
class RetryScheduleTest {

    private static Properties shipped() throws Exception {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            p.load(in);
        }
        return p;
    }

    private static Duration duration(String value) {
        return Duration.parse("PT" + value.toUpperCase());
    }

    @Test
    void theShippedSettingsRetryForAboutADay() throws Exception {
        Properties p = shipped();
        Duration base = duration(p.getProperty("faultline.webhooks.retry-base"));
        Duration max = duration(p.getProperty("faultline.webhooks.retry-max"));
        int attempts = Integer.parseInt(p.getProperty("faultline.webhooks.max-attempts"));
        Duration low = Duration.ZERO;
        Duration middle = Duration.ZERO;
        Duration high = Duration.ZERO;
        for (int failed = 1; failed < attempts; failed++) { // a wait after every failed attempt but the last
            low = low.plus(WebhookJob.backoff(failed, base, max, 0.75));
            middle = middle.plus(WebhookJob.backoff(failed, base, max, 1.0));
            high = high.plus(WebhookJob.backoff(failed, base, max, 1.25));
        }
        assertTrue(middle.compareTo(Duration.ofHours(22)) > 0 && middle.compareTo(Duration.ofHours(27)) < 0,
                "retrying lasts " + middle);
        assertTrue(low.compareTo(Duration.ofHours(18)) > 0 && high.compareTo(Duration.ofHours(31)) < 0,
                low + " to " + high);
    }

    @Test
    void waitsDoubleUpToTheCapAndTheJitterScalesThem() {
        Duration base = Duration.ofSeconds(5);
        Duration max = Duration.ofHours(1);
        assertEquals(Duration.ofSeconds(5), WebhookJob.backoff(1, base, max, 1.0));
        assertEquals(Duration.ofSeconds(10), WebhookJob.backoff(2, base, max, 1.0));
        assertEquals(Duration.ofSeconds(2560), WebhookJob.backoff(10, base, max, 1.0));
        assertEquals(Duration.ofHours(1), WebhookJob.backoff(11, base, max, 1.0));
        assertEquals(Duration.ofHours(1), WebhookJob.backoff(200, base, max, 1.0), "no overflow far out");
        assertEquals(Duration.ofMillis(3750), WebhookJob.backoff(1, base, max, 0.75));
        assertEquals(Duration.ofMillis(6250), WebhookJob.backoff(1, base, max, 1.25));
    }
}
