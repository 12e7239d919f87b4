package dev.faultline.digest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Email digests: where links point, how mail leaves, how often the outbox is read and how failures are retried. */
@ConfigMapping(prefix = "faultline.digest")
public interface DigestConfig {

    /** The app's address as mail readers reach it; every link in a digest is absolute to it. */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    /** The sender of digests ({@code From}). */
    @WithDefault("Faultline <faultline@localhost>")
    String from();

    /**
     * true: digests go out over SMTP (configured with {@code quarkus.mailer.*}); false: they are kept in the outbox,
     * marked unsent, for an administrator to read or send later.
     */
    @WithDefault("false")
    boolean smtp();

    /** How often the scheduler looks for due digests and reads the outbox ({@code off} disables it). */
    @WithDefault("30s")
    String pollInterval();

    /** The wait after a failed SMTP attempt; doubled after every further failure. */
    @WithDefault("1m")
    Duration retryBase();

    /** Attempts before a delivery is marked failed (an administrator can still send it again). */
    @WithDefault("6")
    int maxAttempts();

    /**
     * How long an instance may hold a delivery it claimed; a delivery still "sending" after it (its instance
     * crashed) is claimed again and sent with the same Message-ID.
     */
    @WithDefault("5m")
    Duration lease();

    /** Rows per list in a digest (failure modes, assets, recurring problems, notable records, assets at risk). */
    @WithDefault("5")
    int top();

    /** A record is "notable" when its asset had no record of the same failure mode in this time before the period. */
    @WithDefault("90d")
    Duration newProblemLookback();

    /**
     * The key that signs unsubscribe links (base64, 32 bytes or more). Unset: a random key made once and kept in
     * the database, shared by every instance.
     */
    Optional<String> signingKey();
}
