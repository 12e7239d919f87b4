package dev.faultline.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.Api;
import dev.faultline.Json;
import dev.faultline.TestDatabase;
import dev.faultline.client.ApiClient;
import dev.faultline.client.ApiException;
import dev.faultline.client.api.RecordsApi;
import dev.faultline.client.api.SearchApi;
import dev.faultline.client.model.PageRecordView;
import dev.faultline.client.model.SearchView;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * A client generated from the committed API document (openapi-generator, Java, java.net.http) lists and searches
 * records, as an integrator's would: the document's operations, parameters and schemas match what the app answers.
 */
@QuarkusTest
class GeneratedClientTest {

    @Inject
    TestDatabase db;

    private static ApiClient client(String key) {
        ApiClient c = new ApiClient();
        c.setScheme("http");
        c.setHost("localhost");
        c.setPort(8081);
        c.setBasePath("");
        c.setRequestInterceptor(b -> b.header("Authorization", "Bearer " + key));
        return c;
    }

    @Test
    void listsAndSearchesRecordsWithTheBearerKey() throws Exception {
        db.clear();
        Api.given().contentType(ContentType.JSON).body(Json.batch(Json.record("GC-1", "hydraulic hose leaking at boom"),
                Json.record("GC-2", "bearing noise on conveyor drive"))).post("/api/v1/records").then().statusCode(200);
        PageRecordView page = new RecordsApi(client(Api.KEY)).apiV1RecordsGet(null, null, null, null, 10, 0, null, null,
                "oldest", null, null);
        assertEquals(2, page.getTotal());
        assertEquals("GC-1", page.getItems().getFirst().getExternalId());
        assertEquals("PUMP-7", page.getItems().getFirst().getAsset().getId());
        SearchView found = new SearchApi(client(Api.KEY)).apiV1SearchGet(null, false, null, null, null, 5, "keyword", 0,
                "hose leaking", null, null, null);
        assertTrue(found.getTotal() >= 1);
        assertEquals("GC-1", found.getItems().getFirst().getRecord().getExternalId());
        ApiException refused = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class,
                () -> new RecordsApi(client("flk_not-a-key")).apiV1RecordsGet(null, null, null, null, 10, 0, null,
                        null, null, null, null));
        assertEquals(401, refused.getCode());
    }
}
