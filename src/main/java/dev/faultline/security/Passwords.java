package dev.faultline.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;

/** Salted bcrypt password hashes (Quarkus' Elytron bcrypt). */
@ApplicationScoped
public class Passwords {

    static final int MIN_LENGTH = 12;
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
        if (password.length() > 200) {
            return "must be at most 200 characters";
        }
        return null;
    }
}
