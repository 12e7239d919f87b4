package dev.faultline.ticketing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.Map;

/** An integration; {@code secret} only in the answer that made it (creation or rotation). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntegrationView(String name, String kind, Map<String, String> mapping, String baseUrl,
        String eventsUrl, String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt, String secret) {

    IntegrationView withSecret(String shownOnce) {
        return new IntegrationView(name, kind, mapping, baseUrl, eventsUrl, createdBy, createdAt, updatedAt,
                shownOnce);
    }
}
