package dev.faultline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/** The packaged app as a real process (for tests that kill it, restart it or read what it prints). */
public final class AppProcess {

    private AppProcess() {}

    /** Starts {@code app.jar} with these environment variables and waits until it is ready on {@code port}. */
    public static Process start(int port, Path log, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-jar", System.getProperty("app.jar"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        pb.environment().put("FAULTLINE_SEARCH_WARM_UP_ROUNDS", "0"); // no searches beside what is under test
        pb.environment().putAll(env);
        Process p = pb.start();
        Instant until = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(until)) {
            assertTrue(p.isAlive(), "app exited early; see " + log);
            try {
                if (RestAssured.given().port(port).get("/q/health/ready").statusCode() == 200) {
                    return p;
                }
            } catch (Exception notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        p.destroyForcibly();
        throw new AssertionError("app did not become ready; see " + log);
    }
}
