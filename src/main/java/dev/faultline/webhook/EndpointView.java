package dev.faultline.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An endpoint as the API shows it. {@code secret} is present only in the answer that made it (creation or
 * rotation): it is never shown again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EndpointView(long id, String url, List<String> events, String description, boolean enabled,
        String disabledReason, OffsetDateTime failingSince, String createdBy, OffsetDateTime createdAt,
        OffsetDateTime previousSecretUntil, String secret) {

    EndpointView withSecret(String shownOnce) {
        return new EndpointView(id, url, events, description, enabled, disabledReason, failingSince, createdBy,
                createdAt, previousSecretUntil, shownOnce);
    }
}
