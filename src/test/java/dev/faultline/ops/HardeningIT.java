package dev.faultline.ops;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.AppProcess;
import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What only a real process shows: the lines it prints, and what it finds on disk when it starts. */
class HardeningIT {

    static final int PORT = 8092;
    static final Path WORK = Path.of("target", "hardening-it");
    static final String JDBC = System.getenv().getOrDefault("FAULTLINE_TEST_JDBC_URL",
            "jdbc:postgresql://127.0.0.1:5432/faultline_test");

    @Test
    void startsCleanAndWritesOneLogLinePerEntryWhateverARequestHolds() throws Exception {
        Path uploads = WORK.resolve("spool").resolve("uploads");
        Files.createDirectories(uploads);
        Path leftOver = Files.writeString(uploads.resolve("vertx-upload-crashed"), "half a file");
        Files.setLastModifiedTime(leftOver, FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS)));
        Path inProgress = Files.writeString(uploads.resolve("vertx-upload-receiving"), "a file arriving now");
        Path log = WORK.resolve("app.log");
        Process app = AppProcess.start(PORT, log, Map.of("QUARKUS_DATASOURCE_JDBC_URL", JDBC,
                "FAULTLINE_IMPORTS_SPOOL_DIR", WORK.resolve("spool").toString()));
        try {
            assertFalse(Files.exists(leftOver), "what a crashed upload left is removed at start");
            assertTrue(Files.exists(inProgress), "a recent upload is left alone (another instance may be receiving it)");

            // a forged line in a user name, a path and a parameter
            var form = RestAssured.given().port(PORT).get("/login");
            RestAssured.given().port(PORT).redirects().follow(false)
                    .cookie("faultline_login_csrf", form.getCookie("faultline_login_csrf"))
                    .formParams(Map.of("username", "mallory\r\n2026-01-01 00:00:00,000 INFO  FORGED sign-in for 'admin'",
                            "password", "wrong-password-1", "csrf-token", dev.faultline.Api.csrfIn(form.asString())))
                    .post("/login").then().statusCode(401);
            RestAssured.given().port(PORT).urlEncodingEnabled(false)
                    .get("/api/v1/records%0A2026-01-01%20FORGED%20path?site=a%0AFORGED").then().statusCode(400);
        } finally {
            app.destroy();
            app.waitFor();
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertTrue(lines.stream().noneMatch(l -> l.toLowerCase(java.util.Locale.ROOT).contains("forged") && !l.contains("mallory")),
                "no line begins with forged text: " + String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.contains("mallory\\r\\n2026-01-01")),
                "the name is logged escaped, on its own line: " + String.join("\n", lines));
    }
}
