package dev.faultline.security;

import dev.faultline.audit.AuditService;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/** Sign-in and sign-out, and turning a session cookie or an API key into an identity with roles. */
@ApplicationScoped
public class AuthService {

    /** Identity attributes. */
    public static final String KIND = "faultline.kind";
    public static final String CSRF = "faultline.csrf";
    public static final String USER_ID = "faultline.userId";
    /** The signed-in user's chosen interface language ("en", "zh"), absent when they follow the browser. */
    public static final String LANGUAGE = "faultline.language";
    public static final String DISPLAY_NAME = "faultline.displayName";

    private static final Logger LOG = Logger.getLogger(AuthService.class);

    private final UserRepository users;
    private final SessionRepository sessions;
    private final ApiKeyRepository keys;
    private final Passwords passwords;
    private final LoginThrottle throttle;
    private final SecurityConfig config;
    private final AuditService audit;

    AuthService(UserRepository users, SessionRepository sessions, ApiKeyRepository keys, Passwords passwords,
            LoginThrottle throttle, SecurityConfig config, AuditService audit) {
        this.users = users;
        this.sessions = sessions;
        this.keys = keys;
        this.passwords = passwords;
        this.throttle = throttle;
        this.config = config;
        this.audit = audit;
    }

    /** Why a sign-in was refused. */
    public static final class LoginRefused extends RuntimeException {
        private final boolean locked;

        LoginRefused(boolean locked) {
            super(locked ? "too many failed sign-ins" : "wrong user name or password");
            this.locked = locked;
        }

        public boolean locked() {
            return locked;
        }
    }

    /** Checks the password and opens a session; answers the cookie token. {@code address}: the client's. */
    public String login(String username, String password, String address) {
        String name = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
        if (throttle.locked(name, address)) {
            LOG.warnf("sign-in refused for '%s' from %s: locked after repeated failures", name, address);
            throw new LoginRefused(true);
        }
        // a name no user can have (control characters) is looked up as no one, never sent to the database
        Optional<UserRow> user = dev.faultline.error.InputText.problem(name, false) == null
                ? users.findByUsername(name) : Optional.empty();
        boolean ok = passwords.matches(password == null ? "" : password, user.map(UserRow::passwordHash).orElse(null));
        if (!ok || user.get().disabled()) {
            throttle.failed(name, address);
            LOG.infof("failed sign-in for '%s' from %s", name, address);
            throw new LoginRefused(throttle.locked(name, address));
        }
        throttle.succeeded(name, address);
        String token = Tokens.random();
        sessions.create(Tokens.sha256(token), user.get().id(), Tokens.random(),
                OffsetDateTime.now().plus(config.sessionMaxAge()));
        users.touchLogin(user.get().id());
        audit.record(name, "signed_in", "user", String.valueOf(user.get().id()), Map.of());
        return token;
    }

    public void logout(String token) {
        if (token != null) {
            sessions.delete(Tokens.sha256(token));
        }
    }

    /** The identity of a live session, or empty (expired, idle, unknown, or user disabled). */
    Optional<SecurityIdentity> sessionIdentity(String token) {
        String hash = Tokens.sha256(token);
        return sessions.find(hash, config.sessionIdleTimeout()).map(s -> {
            if (s.stale()) {
                sessions.touch(hash);
            }
            QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(s.username()))
                    .addRoles(Roles.implied(s.role()))
                    .addAttribute(KIND, "session")
                    .addAttribute(CSRF, s.csrfToken())
                    .addAttribute(USER_ID, s.userId())
                    .addAttribute(DISPLAY_NAME, s.displayName() == null ? s.username() : s.displayName());
            if (s.language() != null) {
                identity.addAttribute(LANGUAGE, s.language());
            }
            return identity.build();
        });
    }

    /** The identity of a valid, unrevoked key; its scopes are its roles. */
    SecurityIdentity keyIdentity(String key) {
        ApiKeyRepository.KeyRow row = keys.findByHash(Tokens.sha256(key))
                .filter(k -> k.revokedAt() == null)
                .orElseThrow(() -> new AuthenticationFailedException("unknown or revoked API key"));
        // last use is kept to the minute: a busy integration's calls skip the round trip
        if (row.lastUsedAt() == null || row.lastUsedAt().isBefore(OffsetDateTime.now().minusMinutes(1))) {
            keys.touch(row.id());
        }
        Set<String> scopes = new HashSet<>(row.scopes());
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("key:" + row.name()))
                .addRoles(scopes)
                .addAttribute(KIND, "key")
                .addAttribute(DISPLAY_NAME, "API key " + row.name())
                .build();
    }
}
