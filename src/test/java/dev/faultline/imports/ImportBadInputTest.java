package dev.faultline.imports;

import static dev.faultline.Api.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.faultline.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Files that cannot be imported are refused up front (400 naming the field and line); no job, no records. */
@QuarkusTest
class ImportBadInputTest {

    @Inject
    TestDatabase db;

    @BeforeEach
    void empty() {
        db.clear();
    }

    /** Built when the test runs (RestAssured's port is known only once the app is up). */
    interface Request extends Supplier<RequestSpecification> {}

    static Request file(String name, byte[] content) {
        return () -> given().multiPart("file", name, content, "application/octet-stream");
    }

    static Request file(String name, byte[] content, String field, String value) {
        return () -> file(name, content).get().multiPart(field, value);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static Stream<Arguments> badFiles() {
        byte[] latin1 = "externalId,text\n1,ok\n2,caf\u00e9 machine\n".getBytes(StandardCharsets.ISO_8859_1);
        return Stream.of(
                Arguments.of("invalid UTF-8", file("a.csv", latin1), "file", 3L),
                Arguments.of("unclosed quote", file("a.csv", utf8("externalId,text\n1,ok\n2,\"never closed\n3,x\n")),
                        "file", 3L),
                Arguments.of("empty file", file("a.csv", new byte[0]), "file", 1L),
                Arguments.of("header only", file("a.csv", utf8("externalId,text\n")), "file", null),
                Arguments.of("no text column", file("a.csv", utf8("id,problem\n1,leak\n")), "mapping.text", null),
                Arguments.of("mapping names a missing column",
                        file("a.csv", utf8("id,problem\n1,leak\n"), "mapping", "{\"text\":\"PROBLEM\"}"),
                        "mapping.text", null),
                Arguments.of("mapping names an unknown field",
                        file("a.csv", utf8("id,problem\n1,leak\n"), "mapping", "{\"txt\":\"problem\"}"),
                        "mapping.txt", null),
                Arguments.of("mapping is not JSON",
                        file("a.csv", utf8("id,text\n1,leak\n"), "mapping", "text=problem"), "mapping", null),
                Arguments.of("unknown format", file("a.txt", utf8("id,text\n1,leak\n")), "format", null),
                Arguments.of("CSV sent as JSONL", file("a.jsonl", utf8("id,text\n1,leak\n")), "file", 1L),
                Arguments.of("unknown default kind", file("a.csv", utf8("text\nleak\n"), "kind", "memo"),
                        "kind", null),
                Arguments.of("no file part", (Request) () -> given().multiPart("source", "x"), "file", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void refusesFileNamingFieldAndLine(String name, Request request, String field, Long line) {
        var then = request.get().post("/api/v1/imports").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
        if (line != null) {
            then.body("errors[0].line", equalTo(line.intValue())).body("detail", containsString("line " + line));
        }
        assertEquals(0, db.count("SELECT count(*) FROM import_jobs"));
        assertEquals(0, db.records());
    }

    @Test
    void refusesANonMultipartBody() {
        given().contentType("application/json").body("{}").post("/api/v1/imports").then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("Content-Type"));
    }

    @Test
    void unknownImportIs404() {
        given().get("/api/v1/imports/00000000-0000-0000-0000-000000000000").then()
                .statusCode(404).contentType("application/problem+json");
    }
}
