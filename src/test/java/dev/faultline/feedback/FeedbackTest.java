package dev.faultline.feedback;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.faultline.Api;
import dev.faultline.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Thumbs on search results and answers: kept once per person and result, summed for admins, exported as CSV. */
@QuarkusTest
class FeedbackTest {

    @Inject
    TestDatabase db;

    @Test
    void judgementsAreKeptOnceSummedAndExported() {
        db.execute("DELETE FROM feedback");
        Api.Session tech = Api.user("feedback-tech-" + Api.RUN, "technician");
        var as = (java.util.function.Function<Map<String, Object>, io.restassured.response.ValidatableResponse>) body ->
                tech.given().header("X-CSRF-Token", tech.csrf()).contentType(ContentType.JSON).body(body)
                        .post("/api/v1/feedback").then();
        as.apply(Map.of("kind", "search", "query", "left tach inop", "recordId", 11, "useful", false)).statusCode(201);
        // judged again: replaced, not counted twice
        as.apply(Map.of("kind", "search", "query", "left tach inop", "recordId", 11, "useful", true)).statusCode(201)
                .body("useful", equalTo(true));
        as.apply(Map.of("kind", "search", "query", "left tach inop", "recordId", 12, "useful", false)).statusCode(201);
        as.apply(Map.of("kind", "answer", "query", "how often did the left magneto fail?", "useful", false))
                .statusCode(201);
        as.apply(Map.of("kind", "review", "query", " ")).statusCode(422)
                .body("errors.field", hasItems("kind", "query", "useful"));
        as.apply(Map.of("kind", "search", "query", "x", "useful", true)).statusCode(422)
                .body("errors[0].field", equalTo("recordId"));
        assertEquals(3, db.count("SELECT count(*) FROM feedback"));

        tech.given().get("/api/v1/feedback/summary").then().statusCode(403);
        Api.Session admin = Api.login("admin", Api.ADMIN_PASSWORD);
        admin.given().get("/api/v1/feedback/summary").then().statusCode(200)
                .body("figures.kind", equalTo(List.of("search", "answer")))
                .body("figures[0].judged", equalTo(2)).body("figures[0].useful", equalTo(1))
                .body("figures[0].usefulShare", equalTo(0.5f)).body("figures[1].judged", equalTo(1))
                .body("figures[1].usefulShare", equalTo(0.0f));
        String csv = admin.given().get("/api/v1/feedback/export.csv").then().statusCode(200)
                .contentType("text/csv").extract().asString();
        assertEquals(4, csv.lines().count());
        admin.given().get("/admin/quality").then().statusCode(200).body(containsString("how often did the left magneto"))
                .body(containsString("50%"));
    }
}
