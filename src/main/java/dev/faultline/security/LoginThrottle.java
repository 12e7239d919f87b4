package dev.faultline.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slows password guessing without letting anyone lock an account's owner out (per instance, in memory, bounded).
 * Failures are counted per account <em>and</em> client address: {@code login-max-failures} wrong passwords for
 * one account from one address lock that pair for {@code login-lockout}, while the owner signs in from anywhere
 * else; {@code login-max-failures-per-address} failures from one address, over any accounts, lock that address.
 * Each count lives {@code login-lockout} after its first failure. Both maps are Caffeine caches holding at most
 * {@code login-throttle-entries} entries, so a flood of made-up names cannot exhaust memory (the oldest entries go).
 */
@ApplicationScoped
public class LoginThrottle {

    private final Cache<String, AtomicInteger> pairs;
    private final Cache<String, AtomicInteger> addresses;
    private final SecurityConfig config;

    @Inject
    LoginThrottle(SecurityConfig config) {
        this(config, Ticker.systemTicker());
    }

    LoginThrottle(SecurityConfig config, Ticker ticker) {
        this.config = config;
        this.pairs = cache(config.loginLockout(), config.loginThrottleEntries(), ticker);
        this.addresses = cache(config.loginLockout(), config.loginThrottleEntries(), ticker);
    }

    private static Cache<String, AtomicInteger> cache(Duration lifetime, long entries, Ticker ticker) {
        return Caffeine.newBuilder().expireAfterWrite(lifetime).maximumSize(entries).ticker(ticker)
                .executor(Runnable::run).build();
    }

    /** Whether sign-ins for this account from this address are refused for now. */
    public boolean locked(String username, String address) {
        return count(pairs, pair(username, address)) >= config.loginMaxFailures()
                || count(addresses, address) >= config.loginMaxFailuresPerAddress();
    }

    public void failed(String username, String address) {
        pairs.get(pair(username, address), k -> new AtomicInteger()).incrementAndGet();
        addresses.get(address, k -> new AtomicInteger()).incrementAndGet();
    }

    /** The right password from this address: its count for this account starts again. */
    public void succeeded(String username, String address) {
        pairs.invalidate(pair(username, address));
    }

    /** Entries held now (for tests of the bound). */
    long size() {
        pairs.cleanUp();
        addresses.cleanUp();
        return pairs.estimatedSize() + addresses.estimatedSize();
    }

    private static int count(Cache<String, AtomicInteger> cache, String key) {
        AtomicInteger n = cache.getIfPresent(key);
        return n == null ? 0 : n.get();
    }

    private static String pair(String username, String address) {
        return (username == null ? "" : username.strip().toLowerCase(Locale.ROOT)) + "\u0000" + address;
    }
}
