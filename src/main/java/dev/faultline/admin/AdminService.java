package dev.faultline.admin;

import dev.faultline.audit.AuditService;
import dev.faultline.error.FieldError;
import dev.faultline.error.InputText;
import dev.faultline.error.ProblemException;
import dev.faultline.security.ApiKeyRepository;
import dev.faultline.security.Passwords;
import dev.faultline.security.Roles;
import dev.faultline.security.SessionRepository;
import dev.faultline.security.Tokens;
import dev.faultline.security.UserRepository;
import dev.faultline.security.UserRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Users and API keys, managed by admins; every change is audited. */
@ApplicationScoped
public class AdminService {

    private final UserRepository users;
    private final SessionRepository sessions;
    private final ApiKeyRepository keys;
    private final Passwords passwords;
    private final AuditService audit;

    AdminService(UserRepository users, SessionRepository sessions, ApiKeyRepository keys, Passwords passwords,
            AuditService audit) {
        this.users = users;
        this.sessions = sessions;
        this.keys = keys;
        this.passwords = passwords;
        this.audit = audit;
    }

    public List<UserView> users() {
        return users.all().stream().map(UserView::of).toList();
    }

    @Transactional
    public UserView createUser(UserRequest r, String actor) {
        List<FieldError> errors = new ArrayList<>();
        String username = r.username() == null ? "" : r.username().strip().toLowerCase(Locale.ROOT);
        if (!username.matches("[a-z0-9][a-z0-9._-]{1,63}")) {
            errors.add(FieldError.of("username", "2 to 64 characters: letters, digits, '.', '_' or '-'"));
        } else if (users.findByUsername(username).isPresent()) {
            errors.add(FieldError.of("username", "'" + username + "' is taken"));
        }
        checkRole(r.role(), true, errors);
        checkDisplayName(r.displayName(), errors);
        String weak = Passwords.weakness(r.password());
        if (weak != null) {
            errors.add(FieldError.of("password", weak));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        long id = users.insert(username, blankToNull(r.displayName()), r.role(), passwords.hash(r.password()));
        audit.record(actor, "created", "user", String.valueOf(id), Map.of("username", username, "role", r.role()));
        return UserView.of(users.findById(id).orElseThrow());
    }

    @Transactional
    public UserView updateUser(long id, UserRequest r, String actor) {
        UserRow u = users.findById(id).orElseThrow(() -> ProblemException.notFound("User", id));
        List<FieldError> errors = new ArrayList<>();
        checkRole(r.role(), false, errors);
        checkDisplayName(r.displayName(), errors);
        String weak = r.password() == null ? null : Passwords.weakness(r.password());
        if (weak != null) {
            errors.add(FieldError.of("password", weak));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String role = r.role() == null ? u.role() : r.role();
        boolean disabled = r.disabled() == null ? u.disabled() : r.disabled();
        users.update(id, r.displayName() == null ? u.displayName() : blankToNull(r.displayName()), role, disabled);
        if (r.password() != null) {
            users.setPassword(id, passwords.hash(r.password()));
        }
        if (r.password() != null || disabled) {
            sessions.deleteForUser(id);
        }
        // what changed, never the password itself
        audit.record(actor, "changed", "user", String.valueOf(id), Map.of("username", u.username(),
                "role", role, "disabled", disabled, "passwordReset", r.password() != null));
        return UserView.of(users.findById(id).orElseThrow());
    }

    public List<ApiKeyRepository.KeyRow> keys() {
        return keys.all();
    }

    private static void checkDisplayName(String name, List<FieldError> errors) {
        String problem = InputText.problem(name, false);
        if (problem != null || name != null && name.length() > 200) {
            errors.add(FieldError.of("displayName", problem != null ? problem : "at most 200 characters"));
        }
    }

    @Transactional
    public NewApiKey createKey(ApiKeyRequest r, String actor) {
        List<FieldError> errors = new ArrayList<>();
        String name = r.name() == null ? "" : r.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            errors.add(FieldError.of("name", "1 to 100 characters: which system uses this key"));
        } else if (InputText.problem(name, false) != null) {
            errors.add(FieldError.of("name", InputText.problem(name, false)));
        }
        List<String> scopes = r.scopes() == null ? List.of() : r.scopes().stream().distinct().toList();
        if (scopes.isEmpty() || !Roles.SCOPES.containsAll(scopes)) {
            errors.add(FieldError.of("scopes", "one or more of " + Roles.SCOPES));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String key = "flk_" + Tokens.random();
        long id = keys.insert(name, key.substring(0, 8), Tokens.sha256(key), scopes, actor);
        audit.record(actor, "created", "api_key", String.valueOf(id), Map.of("name", name, "scopes", scopes));
        return new NewApiKey(id, name, key, scopes);
    }

    @Transactional
    public void revokeKey(long id, String actor) {
        ApiKeyRepository.KeyRow k = keys.findById(id).orElseThrow(() -> ProblemException.notFound("API key", id));
        if (keys.revoke(id)) {
            audit.record(actor, "revoked", "api_key", String.valueOf(id), Map.of("name", k.name()));
        }
    }

    private static void checkRole(String role, boolean required, List<FieldError> errors) {
        if ((role == null && required) || (role != null && !Roles.USER_ROLES.contains(role))) {
            errors.add(FieldError.of("role", "one of " + Roles.USER_ROLES));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
