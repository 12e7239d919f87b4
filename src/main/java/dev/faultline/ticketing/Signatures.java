package dev.faultline.ticketing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that an event came from the integration: {@code sha256=<hex HMAC-SHA256 of the body>} keyed with its
 * secret (Jira's {@code X-Hub-Signature}, or {@code X-Faultline-Signature}), or the secret itself in
 * {@code X-Faultline-Secret} for systems that can only send a fixed header. Comparisons take constant time.
 */
final class Signatures {

    private Signatures() {}

    static boolean valid(String secret, byte[] body, String hubSignature, String signature, String sharedSecret) {
        String given = hubSignature != null ? hubSignature : signature;
        if (given != null) {
            return given.startsWith("sha256=") && MessageDigest.isEqual(
                    given.substring(7).toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
                    hmac(secret, body).getBytes(StandardCharsets.US_ASCII));
        }
        return sharedSecret != null && MessageDigest.isEqual(sharedSecret.getBytes(StandardCharsets.UTF_8),
                secret.getBytes(StandardCharsets.UTF_8));
    }

    static String hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("checking an integration's signature", e);
        }
    }
}
