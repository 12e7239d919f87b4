package dev.faultline.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document declares how to authenticate, so a generated client sends the key: a bearer scheme, required
 * by every operation except the ticket events that integrations sign with their own secret.
 */
@QuarkusTest
class OpenApiSecurityTest {

    @Test
    void everySecuredOperationRequiresTheBearerKey() {
        JsonPath doc = RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        assertTrue(doc.getString("openapi").startsWith("3."));
        assertEquals("http", doc.getString("components.securitySchemes.apiKey.type"));
        assertEquals("bearer", doc.getString("components.securitySchemes.apiKey.scheme"));
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        List<String> missing = new ArrayList<>();
        int secured = 0;
        for (var path : paths.entrySet()) {
            for (var op : path.getValue().entrySet()) {
                if (!List.of("get", "post", "put", "delete", "patch").contains(op.getKey())) {
                    continue;
                }
                boolean signedEvents = path.getKey().matches("/api/v1/integrations/\\{name}/events");
                Object security = op.getValue().get("security");
                boolean hasKey = security != null && security.toString().contains("apiKey");
                if (signedEvents == hasKey) {
                    missing.add(op.getKey() + " " + path.getKey() + (signedEvents ? " (should be open)" : ""));
                }
                secured += hasKey ? 1 : 0;
            }
        }
        assertEquals(List.of(), missing);
        assertTrue(secured > 50, "secured operations: " + secured);
    }
}
