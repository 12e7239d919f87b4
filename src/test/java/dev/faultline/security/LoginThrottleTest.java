package dev.faultline.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The throttle's rules and its bound, with a clock the test moves. */
class LoginThrottleTest {

    private final AtomicLong nanos = new AtomicLong();

    private LoginThrottle throttle(long entries) {
        Map<String, Object> values = Map.of("loginMaxFailures", 5, "loginMaxFailuresPerAddress", 20,
                "loginLockout", Duration.ofMinutes(15), "loginThrottleEntries", entries);
        SecurityConfig config = (SecurityConfig) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SecurityConfig.class}, (proxy, method, args) -> values.get(method.getName()));
        return new LoginThrottle(config, nanos::get);
    }

    @Test
    void locksAPairNotTheAccountAndUnlocksAfterTheLockout() {
        LoginThrottle t = throttle(1000);
        for (int i = 0; i < 5; i++) {
            t.failed("admin", "10.0.0.9");
        }
        assertTrue(t.locked("admin", "10.0.0.9"));
        assertTrue(t.locked("ADMIN ", "10.0.0.9"), "names compare as sign-in reads them");
        assertFalse(t.locked("admin", "10.0.0.1"), "the owner elsewhere is not locked out");
        nanos.addAndGet(TimeUnit.MINUTES.toNanos(16));
        assertFalse(t.locked("admin", "10.0.0.9"));
    }

    @Test
    void oneAddressGuessingManyAccountsIsLockedToo() {
        LoginThrottle t = throttle(1000);
        for (int i = 0; i < 20; i++) {
            t.failed("user" + i, "10.0.0.66");
        }
        assertTrue(t.locked("someone-else", "10.0.0.66"));
        assertFalse(t.locked("someone-else", "10.0.0.67"));
    }

    @Test
    void aFloodOfMadeUpNamesStaysWithinTheBound() {
        LoginThrottle t = throttle(100);
        for (int i = 0; i < 50_000; i++) {
            t.failed("made-up-" + i, "10.9." + (i % 250) + "." + (i / 250 % 250));
        }
        assertTrue(t.size() <= 200, "at most 100 pairs and 100 addresses, held " + t.size());
    }
}
