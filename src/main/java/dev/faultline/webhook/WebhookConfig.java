package dev.faultline.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Outbound webhooks: which hosts may be called, how deliveries are retried, when an endpoint is disabled. */
@ConfigMapping(prefix = "faultline.webhooks")
public interface WebhookConfig {

    /**
     * Hosts that may be called although they resolve to loopback, link-local or private addresses (server-side
     * request forgery guard); comma-separated, env {@code FAULTLINE_WEBHOOKS_ALLOWED_HOSTS}. Unset: none.
     */
    Optional<List<String>> allowedHosts();

    /** How often the worker hands out new events and sends due deliveries ({@code off} disables it). */
    @WithDefault("2s")
    String pollInterval();

    /** Time-out of one delivery (connect and answer). */
    @WithDefault("10s")
    Duration timeout();

    /** The wait after the first failed attempt; doubled after each further one, up to {@code retry-max}, ±25 % jitter. */
    @WithDefault("5s")
    Duration retryBase();

    /** The longest wait between two attempts. */
    @WithDefault("1h")
    Duration retryMax();

    /** Attempts before a delivery is marked failed: 34 with the defaults is about a day of retrying (24.4 h). */
    @WithDefault("34")
    int maxAttempts();

    /** An endpoint whose deliveries have failed without a success for this long is disabled (and audited). */
    @WithDefault("3d")
    Duration disableAfter();

    /** After a secret rotation the previous secret keeps signing (a second signature) for this long. */
    @WithDefault("24h")
    Duration rotationOverlap();
}
