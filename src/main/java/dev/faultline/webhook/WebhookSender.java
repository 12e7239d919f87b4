package dev.faultline.webhook;

import com.standardwebhooks.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

/**
 * One signed POST per the Standard Webhooks specification: {@code webhook-id} (stable across retries),
 * {@code webhook-timestamp} (seconds) and {@code webhook-signature} ({@code v1,<base64 HMAC-SHA256 of
 * id.timestamp.body>}, twice during a secret rotation's overlap). Redirects are not followed.
 */
@ApplicationScoped
class WebhookSender {

    /** An attempt's outcome: the HTTP status (null without an answer) and the error to show. */
    record Outcome(boolean ok, Integer status, String error, int millis) {}

    private final HttpClient http;
    private final UrlPolicy policy;
    private final WebhookConfig config;

    WebhookSender(UrlPolicy policy, WebhookConfig config) {
        this.policy = policy;
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Outcome send(EndpointRepository.Target target, OutboxRepository.Message message) {
        long start = System.nanoTime();
        var refused = policy.refusal(target.url());
        if (refused.isPresent()) {
            return new Outcome(false, null, "refused: the URL " + refused.get(), 0);
        }
        try {
            long timestamp = Instant.now().getEpochSecond();
            String signature = sign(target.secret(), message, timestamp)
                    + (target.previousSecret() == null ? "" : " " + sign(target.previousSecret(), message, timestamp));
            HttpRequest request = HttpRequest.newBuilder(URI.create(target.url())).timeout(config.timeout())
                    .header("Content-Type", "application/json").header("User-Agent", "Faultline-Webhooks/1")
                    .header("webhook-id", message.messageId()).header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(message.body())).build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int code = response.statusCode();
            boolean ok = code >= 200 && code < 300;
            return new Outcome(ok, code, ok ? null : "answered HTTP " + code, millis(start));
        } catch (IOException e) {
            return new Outcome(false, null, e.getClass().getSimpleName() + (e.getMessage() == null ? ""
                    : ": " + e.getMessage()), millis(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, null, "interrupted", millis(start));
        }
    }

    private static String sign(String secret, OutboxRepository.Message message, long timestamp) {
        try {
            return new Webhook(secret).sign(message.messageId(), timestamp, message.body());
        } catch (Exception e) {
            throw new IllegalStateException("signing webhook " + message.messageId(), e);
        }
    }

    private static int millis(long start) {
        return (int) ((System.nanoTime() - start) / 1_000_000);
    }
}
