package dev.faultline.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Locks a user name for a while after repeated failed sign-ins (per instance, in memory). While locked, even
 * the right password is refused, so guessing gains nothing.
 */
@ApplicationScoped
public class LoginThrottle {

    private record Failures(int count, Instant since, Instant lockedUntil) {}

    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();
    private final SecurityConfig config;
    private final Clock clock = Clock.systemUTC();

    LoginThrottle(SecurityConfig config) {
        this.config = config;
    }

    public boolean locked(String username) {
        Failures f = failures.get(key(username));
        return f != null && f.lockedUntil() != null && clock.instant().isBefore(f.lockedUntil());
    }

    public void failed(String username) {
        Instant now = clock.instant();
        failures.compute(key(username), (k, f) -> {
            boolean fresh = f == null || f.since().plus(config.loginLockout()).isBefore(now)
                    || (f.lockedUntil() != null && !now.isBefore(f.lockedUntil()));
            int count = fresh ? 1 : f.count() + 1;
            Instant since = fresh ? now : f.since();
            return new Failures(count, since,
                    count >= config.loginMaxFailures() ? now.plus(config.loginLockout()) : null);
        });
    }

    public void succeeded(String username) {
        failures.remove(key(username));
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
