package dev.faultline.admin;

import dev.faultline.audit.AuditService;
import dev.faultline.security.ApiKeyRepository;
import dev.faultline.security.Passwords;
import dev.faultline.security.Roles;
import dev.faultline.security.SecurityConfig;
import dev.faultline.security.Tokens;
import dev.faultline.security.UserRepository;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.Map;
import org.jboss.logging.Logger;

/** First start: the first admin from FAULTLINE_ADMIN_PASSWORD, and the bootstrap API key if one is configured. */
@ApplicationScoped
public class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class);

    private final UserRepository users;
    private final ApiKeyRepository keys;
    private final Passwords passwords;
    private final SecurityConfig config;
    private final AuditService audit;

    Bootstrap(UserRepository users, ApiKeyRepository keys, Passwords passwords, SecurityConfig config,
            AuditService audit) {
        this.users = users;
        this.keys = keys;
        this.passwords = passwords;
        this.config = config;
        this.audit = audit;
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        if (users.all().isEmpty()) {
            firstAdmin();
        }
        config.bootstrapApiKey().ifPresent(this::bootstrapKey);
    }

    private void firstAdmin() {
        String password = config.adminPassword().orElse(null);
        if (password == null) {
            LOG.warn("No users yet, and FAULTLINE_ADMIN_PASSWORD is not set: no admin account was created."
                    + " Set it (at least 12 characters) and restart to create the user 'admin'.");
            return;
        }
        String weak = Passwords.weakness(password);
        if (weak != null) {
            throw new IllegalStateException("FAULTLINE_ADMIN_PASSWORD " + weak + "; the admin was not created");
        }
        long id = users.insert("admin", "Administrator", Roles.ADMIN, passwords.hash(password));
        audit.record("system", "created", "user", String.valueOf(id), Map.of("username", "admin", "role", "admin"));
        LOG.info("Created the first admin 'admin' from FAULTLINE_ADMIN_PASSWORD");
    }

    private void bootstrapKey(String key) {
        if (key.length() < 32) {
            throw new IllegalStateException("FAULTLINE_BOOTSTRAP_API_KEY must be at least 32 characters");
        }
        String hash = Tokens.sha256(key);
        var known = keys.findByHash(hash);
        if (known.isEmpty()) {
            long id = keys.insert("bootstrap", key.substring(0, 4) + "…", hash, Roles.SCOPES, "system");
            audit.record("system", "created", "api_key", String.valueOf(id), Map.of("name", "bootstrap"));
            LOG.info("Registered the bootstrap API key from FAULTLINE_BOOTSTRAP_API_KEY (all scopes)");
        } else if (known.get().revokedAt() == null && !known.get().scopes().containsAll(Roles.SCOPES)) {
            // "every scope" includes the scopes a newer version added
            keys.setScopes(known.get().id(), Roles.SCOPES);
            audit.record("system", "changed", "api_key", String.valueOf(known.get().id()),
                    Map.of("name", "bootstrap", "scopes", Roles.SCOPES));
            LOG.info("The bootstrap API key now has every scope of this version");
        }
    }
}
