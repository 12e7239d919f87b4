package dev.faultline.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Sign-in, sessions and bootstrap credentials ({@code faultline.security.*}). */
@ConfigMapping(prefix = "faultline.security")
public interface SecurityConfig {

    /**
     * Password of the first admin ({@code admin}), created on the first start when there are no users
     * (env {@code FAULTLINE_ADMIN_PASSWORD}; at least 12 characters). Without it no admin is created.
     */
    Optional<String> adminPassword();

    /**
     * An API key with every scope, registered on start if not yet known (env {@code FAULTLINE_BOOTSTRAP_API_KEY};
     * at least 32 characters). For automated deployments; stored hashed like any other key.
     */
    Optional<String> bootstrapApiKey();

    /** A session unused for this long ends. */
    @WithDefault("8h")
    Duration sessionIdleTimeout();

    /** A session ends this long after sign-in, used or not. */
    @WithDefault("7d")
    Duration sessionMaxAge();

    /** Failed sign-ins for one user name before it is locked for {@link #loginLockout()}. */
    @WithDefault("5")
    int loginMaxFailures();

    /** How long a user name stays locked after too many failed sign-ins. */
    @WithDefault("15m")
    Duration loginLockout();

    /** bcrypt cost factor for password hashes (each step doubles the work). */
    @WithDefault("12")
    int bcryptCost();

    /** Mark the session cookie Secure: {@code auto} (when the request came over HTTPS or X-Forwarded-Proto https), {@code always} or {@code never}. */
    @WithDefault("auto")
    String secureCookie();
}
