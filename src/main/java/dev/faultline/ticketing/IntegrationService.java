package dev.faultline.ticketing;

import dev.faultline.audit.AuditService;
import dev.faultline.error.FieldError;
import dev.faultline.error.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Administrators' use cases for ticketing integrations that send events in. */
@ApplicationScoped
public class IntegrationService {

    private final IntegrationRepository integrations;
    private final AuditService audit;
    private final SecureRandom random = new SecureRandom();

    IntegrationService(IntegrationRepository integrations, AuditService audit) {
        this.integrations = integrations;
        this.audit = audit;
    }

    /** Creates or changes an integration; a new one (or {@code rotateSecret}) answers its secret, this once. */
    public IntegrationView put(String name, IntegrationRequest r, String actor) {
        check(name, r);
        boolean fresh = integrations.find(name).isEmpty() || Boolean.TRUE.equals(r.rotateSecret());
        String secret = fresh ? secret() : null;
        integrations.upsert(name, r.kind(), r.mapping(), r.baseUrl(), secret, actor);
        audit.record(actor, "integration.saved", "integration", name, Map.of("kind", r.kind(), "secretChanged", fresh));
        IntegrationView saved = get(name);
        return fresh ? saved.withSecret(secret) : saved;
    }

    public IntegrationView get(String name) {
        return integrations.find(name).map(IntegrationRepository.Stored::view)
                .orElseThrow(() -> ProblemException.notFound("Integration", name));
    }

    public List<IntegrationView> list() {
        return integrations.all();
    }

    public void delete(String name, String actor) {
        if (!integrations.delete(name)) {
            throw ProblemException.notFound("Integration", name);
        }
        audit.record(actor, "integration.deleted", "integration", name, Map.of());
    }

    private static void check(String name, IntegrationRequest r) {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || !name.matches("[a-z0-9][a-z0-9_-]{0,62}")) {
            errors.add(FieldError.of("name", "use 1-63 lower-case letters, digits, '-' or '_'"));
        }
        if (r == null || r.kind() == null || !Mappings.knownKind(r.kind())) {
            errors.add(FieldError.of("kind", "must be jira, servicenow or generic"));
        }
        if (r != null && r.mapping() != null) {
            r.mapping().forEach((part, pointer) -> {
                if (!Mappings.PARTS.contains(part)) {
                    errors.add(FieldError.of("mapping." + part, "is not one of " + Mappings.PARTS));
                } else if (pointer == null || !pointer.startsWith("/") || pointer.length() > 300) {
                    errors.add(FieldError.of("mapping." + part, "must be a JSON pointer such as /issue/fields/summary"));
                }
            });
        }
        if (r != null && r.baseUrl() != null && !r.baseUrl().matches("https?://[^\\s\"'<>]{1,300}")) {
            errors.add(FieldError.of("baseUrl", "must be an http(s) URL such as https://plant.atlassian.net"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private String secret() {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }
}
