package dev.faultline.web;

import static dev.faultline.Api.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.faultline.Api;
import dev.faultline.Json;
import dev.faultline.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RecordsPageTest {

    @Inject
    TestDatabase db;

    Api.Session admin;

    @BeforeEach
    void seed() {
        db.clear();
        admin = Api.login("admin", Api.ADMIN_PASSWORD);
        Map<String, Object> a = Json.record("WO-1", "#3 CYL R/H ENG INTAKE GSKT LEAKING <script>alert(1)</script>");
        Map<String, Object> b = Json.record("WO-2", "Conveyor belt tracking off");
        b.put("asset", Map.of("id", "CONV-1", "name", "Conveyor 1", "site", "Plant B"));
        b.put("kind", "inspection_note");
        b.remove("occurredAt"); // logbooks without dates must render too
        given().contentType(ContentType.JSON).body(Json.batch(a, b)).post("/api/v1/records").then().statusCode(200);
    }

    @Test
    void listsRecordsAndEscapesTheirText() {
        admin.given().get("/").then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("#3 CYL R/H ENG INTAKE GSKT LEAKING &lt;script&gt;"))
                .body(not(containsString("<script>alert(1)")))
                .body(containsString("Conveyor belt tracking off"));
    }

    @Test
    void filtersTheListLikeTheApi() {
        admin.given().queryParam("site", "Plant B").get("/").then()
                .body(containsString("Conveyor belt tracking off"))
                .body(not(containsString("INTAKE GSKT")));
        admin.given().queryParam("kind", "work_order").get("/").then().body(containsString("No records match"));
    }

    @Test
    void searchAndAskKeepTheFiltersTheyWereGiven() {
        for (String page : new String[] {"/search?q=belt", "/ask?question=belt"}) {
            admin.given().queryParam("site", "Plant B").queryParam("kind", "inspection_note")
                    .queryParam("faultClass", "Leaking").get(page).then()
                    .statusCode(200)
                    .body(containsString("<details class=\"more-filters\" open>"))
                    .body(containsString("name=\"site\" value=\"Plant B\""))
                    .body(containsString("name=\"faultClass\" value=\"Leaking\""))
                    .body(containsString("value=\"inspection_note\" selected"));
            admin.given().get(page).then()
                    .body(containsString("<details class=\"more-filters\" >"))
                    .body(containsString("name=\"site\" value=\"\""));
        }
    }

    @Test
    void showsARecordWithItsFields() {
        admin.given().get("/records/1").then()
                .statusCode(200)
                .body(containsString("Feed pump 7"))
                .body(containsString("replaced seal"))
                .body(containsString("Plant A"));
    }

    @Test
    void unknownRecordIsAnErrorPageWithoutInternals() {
        admin.given().get("/records/424242").then()
                .statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("Record 424242 does not exist"))
                .body(not(containsString("Exception")));
        admin.given().queryParam("from", "not-a-date").get("/").then()
                .statusCode(400)
                .contentType(containsString("text/html"))
                .body(containsString("not an ISO-8601 date"));
    }
}
