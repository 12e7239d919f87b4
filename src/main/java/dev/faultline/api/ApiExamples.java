package dev.faultline.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;

/**
 * Puts an example on every request and response body of the OpenAPI document, from {@code openapi-examples.json}
 * (keyed {@code "METHOD /path"}, with {@code request} and/or {@code response}), so a reader or a generated client
 * sees real shapes. {@code OpenApiDocumentTest} fails when an operation with a body has none.
 */
public class ApiExamples implements OASFilter {

    private final Map<String, Map<String, Object>> examples = load();

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, op) -> {
            Map<String, Object> e = examples.get(method.name() + " " + path);
            if (e != null) {
                apply(op, e);
            }
        }));
    }

    private static void apply(Operation op, Map<String, Object> e) {
        if (e.containsKey("request") && op.getRequestBody() != null) {
            set(op.getRequestBody().getContent(), e.get("request"));
        }
        if (e.containsKey("response") && op.getResponses() != null) {
            op.getResponses().getAPIResponses().entrySet().stream()
                    .filter(r -> r.getKey().startsWith("2") && r.getValue().getContent() != null)
                    .findFirst().ifPresent(r -> set(r.getValue().getContent(), e.get("response")));
        }
    }

    private static void set(Content content, Object example) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(m -> m.setExample(example));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> load() {
        try (InputStream in = ApiExamples.class.getResourceAsStream("/openapi-examples.json")) {
            return in == null ? Map.of() : new ObjectMapper().readValue(in, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("openapi-examples.json", e);
        }
    }
}
