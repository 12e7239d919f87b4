package dev.faultline.digest;

import static dev.faultline.Api.given;

import dev.faultline.TestDatabase;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Records put in through the REST API, with an engineer's fault class (which the classifier never overrides). */
public final class Seed {

    private Seed() {}

    /** One record; answers its id. */
    public static long record(TestDatabase db, String externalId, String asset, String site, Instant at, String text,
            String faultClass) {
        given().contentType(ContentType.JSON).body(Map.of("records", List.of(Map.of("source", "seed", "externalId",
                externalId, "kind", "work_order", "asset", Map.of("id", asset, "type", "pump", "site", site),
                "occurredAt", at.toString(), "text", text)))).post("/api/v1/records").then().statusCode(200);
        long id = db.count("SELECT id FROM records WHERE source = 'seed' AND external_id = '" + externalId + "'");
        if (faultClass != null) {
            db.execute("INSERT INTO record_faults (record_id, fault_class, fault_source) VALUES (" + id + ", '"
                    + faultClass + "', 'engineer') ON CONFLICT (record_id) DO UPDATE SET fault_class = EXCLUDED"
                    + ".fault_class, fault_source = 'engineer'");
        }
        return id;
    }
}
