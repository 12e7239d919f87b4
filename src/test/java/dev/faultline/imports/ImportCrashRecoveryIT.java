package dev.faultline.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.AppProcess;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the packaged app as a real process, kills it with SIGKILL in the middle of an import, starts it again
 * and checks that the import finishes with every row exactly once and exact counts.
 */
class ImportCrashRecoveryIT {

    static final int ROWS = 80_000;
    static final int PORT = 8091;
    static final String JDBC = System.getenv().getOrDefault("FAULTLINE_TEST_JDBC_URL",
            "jdbc:postgresql://127.0.0.1:5432/faultline_test");
    static final Path WORK = Path.of("target", "crash-it");
    static final String KEY = "crash-test-bootstrap-key-0123456789abcdef";

    private final List<Process> apps = new ArrayList<>();

    @BeforeEach
    void prepare() throws Exception {
        Files.createDirectories(WORK);
        // the schema comes from the app's own migrations on its first start; empty any earlier data
        sql("DO $$ BEGIN IF to_regclass('records') IS NOT NULL THEN "
                + "TRUNCATE import_errors, import_jobs, records, assets RESTART IDENTITY CASCADE; END IF;"
                + " IF to_regclass('sensor_readings') IS NOT NULL THEN"
                + " TRUNCATE sensor_readings, sensor_rollups, sensors RESTART IDENTITY CASCADE; END IF; END $$");
        RestAssured.port = PORT;
        RestAssured.requestSpecification = new io.restassured.builder.RequestSpecBuilder()
                .addHeader("Authorization", "Bearer " + KEY).build();
    }

    @AfterEach
    void stopApps() {
        apps.forEach(Process::destroyForcibly);
        RestAssured.reset();
    }

    @Test
    void importSurvivesAKilledProcess() throws Exception {
        Path csv = writeCsv(WORK.resolve("work-orders.csv"));
        Process first = start("first");
        String id = RestAssured.given()
                .multiPart("file", csv.toFile(), "text/csv")
                .multiPart("source", "crash-test")
                .post("/api/v1/imports").then().statusCode(202).extract().path("id");

        JsonPath midway = await(id, job -> job.getLong("rowsDone") >= 2_000, Duration.ofSeconds(60));
        first.destroyForcibly().waitFor();
        long committedAtKill = query("SELECT rows_done FROM import_jobs WHERE id = '" + id + "'");
        assertTrue(committedAtKill < ROWS, "the kill must land mid-import (done " + committedAtKill + ")");
        assertEquals(committedAtKill, query("SELECT count(*) FROM records"),
                "what the job reports as done is exactly what is in the table");
        System.out.printf("killed at %d of %d rows (saw %s)%n", committedAtKill, ROWS, midway.getLong("rowsDone"));

        start("second");
        JsonPath done = await(id, job -> job.getString("state").equals("completed"), Duration.ofSeconds(180));
        assertEquals(ROWS, done.getLong("rowsTotal"));
        assertEquals(ROWS, done.getLong("rowsDone"));
        assertEquals(0, done.getLong("rowsFailed"));
        assertEquals(ROWS, done.getLong("created"), "every row created exactly once");
        assertEquals(2, done.getInt("attempts"));
        assertEquals(ROWS, query("SELECT count(*) FROM records WHERE source = 'crash-test'"));
        assertEquals(ROWS, query("SELECT count(DISTINCT external_id) FROM records"));
        assertEquals(0, query("SELECT count(*) FROM records r WHERE r.text <> 'leak on line ' || r.external_id"));
        assertTrue(Files.notExists(WORK.resolve("spool").resolve(id + ".csv")), "spooled file removed when done");
    }

    /** Readings (wide layout, 3 sensors a row): the same guarantees, and rollups that agree with the readings. */
    @Test
    void readingsImportSurvivesAKilledProcess() throws Exception {
        Path csv = WORK.resolve("historian.csv");
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("asset,time,vibration_rms,bearing_temp,flow\n");
            Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
            for (int i = 0; i < ROWS; i++) {
                w.write("P-" + (i % 4) + "," + t0.plusSeconds(15L * i) + "," + (i % 97) / 10.0 + "," + (40 + i % 13) + ","
                        + i + "\n");
            }
        }
        Process first = start("first");
        String id = RestAssured.given().multiPart("file", csv.toFile(), "text/csv").multiPart("target", "readings")
                .post("/api/v1/imports").then().statusCode(202).extract().path("id");
        await(id, job -> job.getLong("rowsDone") >= 2_000, Duration.ofSeconds(60));
        first.destroyForcibly().waitFor();
        long committedAtKill = query("SELECT rows_done FROM import_jobs WHERE id = '" + id + "'");
        assertTrue(committedAtKill < ROWS, "the kill must land mid-import (done " + committedAtKill + ")");
        assertEquals(3 * committedAtKill, query("SELECT count(*) FROM sensor_readings"),
                "the rows the job reports as done are exactly the readings in the table");

        start("second");
        JsonPath done = await(id, job -> job.getString("state").equals("completed"), Duration.ofSeconds(180));
        assertEquals(ROWS, done.getLong("rowsDone"));
        assertEquals(0, done.getLong("rowsFailed"));
        assertEquals(3L * ROWS, done.getLong("created"), "every reading written exactly once");
        assertEquals(2, done.getInt("attempts"));
        assertEquals(3L * ROWS, query("SELECT count(*) FROM sensor_readings"));
        assertEquals((long) ROWS * (ROWS - 1) / 2, query("SELECT sum(value)::bigint FROM sensor_readings r"
                + " JOIN sensors s ON s.id = r.sensor_id WHERE s.name = 'flow'"), "each value once, none lost");
        // the minute rollups count every reading once, across the kill
        assertEquals(3L * ROWS, query("SELECT sum(count) FROM sensor_rollups WHERE width_s = 60"));
    }

    private Path writeCsv(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("externalId,text,kind,occurredAt,asset.id,asset.site\n");
            for (int i = 1; i <= ROWS; i++) {
                w.write(i + ",leak on line " + i + ",work_order,2024-01-01T00:00:00Z,PUMP-" + (i % 50) + ",Plant A\n");
            }
        }
        return file;
    }

    private Process start(String name) throws Exception {
        Process p = AppProcess.start(PORT, WORK.resolve("app-" + name + ".log"), Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", JDBC,
                "FAULTLINE_IMPORTS_SPOOL_DIR", WORK.resolve("spool").toString(),
                "FAULTLINE_IMPORTS_STALE_AFTER", "3s",
                "FAULTLINE_IMPORTS_BATCH_SIZE", "200",
                "FAULTLINE_BOOTSTRAP_API_KEY", KEY));
        apps.add(p);
        return p;
    }

    private static JsonPath await(String id, Predicate<JsonPath> condition, Duration timeout) throws Exception {
        Instant until = Instant.now().plus(timeout);
        JsonPath job = null;
        while (Instant.now().isBefore(until)) {
            job = RestAssured.get("/api/v1/imports/" + id).then().statusCode(200).extract().jsonPath();
            if (condition.test(job)) {
                return job;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("import did not get there in " + timeout + ": " + (job == null ? "" : job.prettify()));
    }

    private static long query(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(JDBC, "faultline", "faultline");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void sql(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(JDBC, "faultline", "faultline");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
