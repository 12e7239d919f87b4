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

    /**
     * Failed sign-ins for one user name from one client address before that pair is locked for
     * {@link #loginLockout()}; the owner can still sign in from another address.
     */
    @WithDefault("5")
    int loginMaxFailures();

    /** Failed sign-ins from one client address, over any user names, before that address is locked. */
    @WithDefault("50")
    int loginMaxFailuresPerAddress();

    /** How long a lock lasts, counted from the first failure of its series. */
    @WithDefault("15m")
    Duration loginLockout();

    /** The most (user name, address) pairs and addresses the throttle remembers; the oldest go first. */
    @WithDefault("100000")
    long loginThrottleEntries();

    /** bcrypt cost factor for password hashes (each step doubles the work). */
    @WithDefault("12")
    int bcryptCost();

    /** Mark the session cookie Secure: {@code auto} (when the request came over HTTPS or X-Forwarded-Proto https), {@code always} or {@code never}. */
    @WithDefault("auto")
    String secureCookie();

    /**
     * Send {@code Strict-Transport-Security}: {@code auto} (when the request came over HTTPS, or with
     * X-Forwarded-Proto https from a trusted proxy), {@code always} (TLS ends at a proxy that does not forward the
     * scheme) or {@code never}.
     */
    @WithDefault("auto")
    String hsts();

    /** The {@code max-age} of {@code Strict-Transport-Security}. */
    @WithDefault("180d")
    Duration hstsMaxAge();
}
