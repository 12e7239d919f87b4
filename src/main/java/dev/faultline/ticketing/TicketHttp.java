package dev.faultline.ticketing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.error.ProblemException;
import dev.faultline.error.RetryLater;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.List;

/**
 * Calls to ticketing systems and what their failures mean to the person who pressed "Create ticket": refused
 * credentials and unknown projects or tables (502, naming the setting to check), rate limiting (503 with the
 * system's Retry-After), server errors (502) and time-outs (504).
 */
@ApplicationScoped
class TicketHttp {

    private final HttpClient http;
    private final ObjectMapper json;
    private final TicketConfig config;

    TicketHttp(ObjectMapper json, TicketConfig config) {
        this.json = json;
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    /** Sends; answers the JSON of a 2xx answer, or throws what the failure means. {@code what} names the settings. */
    JsonNode send(HttpRequest.Builder request, String system, String notFound, String credentials) {
        HttpResponse<String> r;
        try {
            r = http.send(request.timeout(config.timeout()).build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ProblemException(504, "Gateway timeout", system + " did not answer within "
                    + config.timeout().toSeconds() + " s (faultline.tickets.timeout)", List.of());
        } catch (IOException e) {
            throw new ProblemException(502, "Bad gateway", system + " cannot be reached: " + e.getMessage(), List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(503, "Service unavailable", "interrupted", List.of());
        }
        int s = r.statusCode();
        if (s >= 200 && s < 300) {
            try {
                return r.body().isBlank() ? json.createObjectNode() : json.readTree(r.body());
            } catch (IOException e) {
                throw new ProblemException(502, "Bad gateway", system + " answered something that is not JSON", List.of());
            }
        }
        if (s == 429) {
            long wait = retryAfter(r.headers().firstValue("Retry-After").orElse(null));
            throw new RetryLater(system + " is limiting requests: try again in " + wait + " s", wait);
        }
        String detail = switch (s) {
            case 401, 403 -> system + " refused Faultline's credentials (HTTP " + s + "): check " + credentials;
            case 404 -> system + " answered 404: " + notFound;
            default -> s >= 500 ? system + " failed (HTTP " + s + "); try again later"
                    : system + " refused the ticket (HTTP " + s + "): " + abbreviate(r.body());
        };
        throw new ProblemException(502, "Bad gateway", detail, List.of());
    }

    /** Retry-After in seconds or as an HTTP date; 60 s when absent or unreadable. */
    static long retryAfter(String value) {
        if (value == null) {
            return 60;
        }
        try {
            return Math.max(1, Long.parseLong(value.strip()));
        } catch (NumberFormatException notSeconds) {
            try {
                return Math.max(1, java.time.Duration.between(java.time.Instant.now(), java.time.ZonedDateTime.parse(
                        value.strip(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()).toSeconds());
            } catch (java.time.format.DateTimeParseException e) {
                return 60;
            }
        }
    }

    JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
