package dev.faultline.digest;

import dev.faultline.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

/**
 * Signed unsubscribe tokens: {@code <subscription id>.<HMAC-SHA256 of it>}, so an unsubscribe link works without
 * signing in and cannot be made for another subscription. The key comes from {@code faultline.digest.signing-key}
 * or, unset, is made once and kept in the database.
 */
@ApplicationScoped
class UnsubscribeTokens {

    private final DataSource dataSource;
    private final DigestConfig config;
    private volatile byte[] key;

    UnsubscribeTokens(DataSource dataSource, DigestConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    String token(long subscription) {
        return subscription + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(subscription));
    }

    /** The subscription a token was made for; empty for anything not made by {@link #token}. */
    Optional<Long> verify(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        try {
            long id = Long.parseLong(token.substring(0, Math.max(dot, 0)));
            byte[] given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            return MessageDigest.isEqual(given, mac(id)) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(long subscription) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(("unsubscribe:" + subscription).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing an unsubscribe link", e);
        }
    }

    private byte[] key() {
        if (key == null) {
            byte[] k = config.signingKey().map(v -> Base64.getDecoder().decode(v.strip())).orElseGet(this::stored);
            if (k.length < 32) {
                throw new IllegalStateException("faultline.digest.signing-key: needs 32 bytes or more (base64)");
            }
            key = k;
        }
        return key;
    }

    private byte[] stored() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        Jdbc.update(dataSource, "making the unsubscribe key",
                "INSERT INTO digest_keys (id, secret) VALUES (1, ?) ON CONFLICT (id) DO NOTHING", (Object) fresh);
        return Jdbc.list(dataSource, "reading the unsubscribe key", rs -> rs.getBytes(1),
                "SELECT secret FROM digest_keys WHERE id = 1").getFirst();
    }
}
