package dev.faultline.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;

/** Salted bcrypt password hashes (Quarkus' Elytron bcrypt). */
@ApplicationScoped
public class Passwords {

    static final int MIN_LENGTH = 12;
    /** bcrypt reads no further: a longer password's tail would mean nothing, so it is refused. */
    static final int MAX_BYTES = 72;
    private final SecurityConfig config;
    // a real hash at the configured cost, so an unknown user name costs the same time as a wrong password
    private final String dummy;

    Passwords(SecurityConfig config) {
        this.config = config;
        this.dummy = BcryptUtil.bcryptHash("not-a-password", config.bcryptCost());
    }

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, config.bcryptCost());
    }

    public boolean matches(String password, String hash) {
        return BcryptUtil.matches(password, hash == null ? dummy : hash) && hash != null;
    }

    /** Null when acceptable, else why not. */
    public static String weakness(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "must be at least " + MIN_LENGTH + " characters";
        }
        int bytes = password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            return "is " + bytes + " bytes long in UTF-8; at most " + MAX_BYTES
                    + " (bcrypt ignores anything longer; a passphrase of 12 to 72 characters is plenty)";
        }
        return null;
    }
}
