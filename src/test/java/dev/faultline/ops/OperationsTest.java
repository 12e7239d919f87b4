package dev.faultline.ops;

import static dev.faultline.Api.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsTest {

    @Test
    void readinessIncludesTheDatabase() {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
    }

    @Test
    void metricsArePrometheusText() {
        given().get("/api/v1/records").then().statusCode(200);
        given().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("http_server_requests_seconds_count"));
    }

    @Test
    void openApiDocumentsTheIngestContract() {
        given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/records"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/imports"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/imports/{id}"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/assets/{id}"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void unknownApiRouteIsProblemJson() {
        given().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }
}
