package dev.faultline.webhook;

import dev.faultline.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The webhook outbox: events (written in the caller's transaction), handed out as one delivery per subscribed
 * endpoint, and claimed with {@code FOR UPDATE SKIP LOCKED} and a lease, so two instances never send the same
 * attempt and a crashed instance's claim is taken over when its lease ends.
 */
@ApplicationScoped
class OutboxRepository {

    private static final String DISPATCH = """
            WITH ev AS (SELECT id, type FROM webhook_events WHERE NOT dispatched ORDER BY id LIMIT 1000
                         FOR UPDATE SKIP LOCKED),
                 made AS (INSERT INTO webhook_deliveries (endpoint_id, event_id, status)
                          SELECT e.id, ev.id, 'pending' FROM ev JOIN webhook_endpoints e
                              ON e.enabled AND ev.type = ANY (e.events)
                          ON CONFLICT (endpoint_id, event_id) DO NOTHING)
            UPDATE webhook_events SET dispatched = true WHERE id IN (SELECT id FROM ev)""";
    private static final String CLAIM = """
            UPDATE webhook_deliveries d SET status = 'delivering', claimed_until = now() + ?::interval,
                   attempts = d.attempts + 1, last_attempt_at = now()
             WHERE d.id IN (SELECT w.id FROM webhook_deliveries w JOIN webhook_endpoints e ON e.id = w.endpoint_id
                             WHERE e.enabled AND ((w.status = 'pending' AND w.next_attempt_at <= now())
                                OR (w.status = 'delivering' AND w.claimed_until < now()))
                             ORDER BY w.next_attempt_at, w.id LIMIT ? FOR UPDATE OF w SKIP LOCKED)
            RETURNING d.id, d.endpoint_id, d.event_id, d.attempts""";
    private static final String VIEW = "SELECT d.id, d.endpoint_id, ev.message_id, ev.type, d.status, d.attempts,"
            + " d.next_attempt_at, d.response_status, d.last_error, d.duration_ms, d.last_attempt_at, d.created_at"
            + " FROM webhook_deliveries d JOIN webhook_events ev ON ev.id = d.event_id";

    /** A claimed delivery. */
    record Claimed(long id, long endpoint, long event, int attempts) {}

    /** What is sent: the webhook-id and the JSON body. */
    record Message(String messageId, String body) {}

    private final DataSource dataSource;

    OutboxRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Writes an event; in the caller's transaction when there is one. */
    void event(String messageId, String type, String payload, boolean dispatched) {
        Jdbc.update(dataSource, "writing a webhook event", "INSERT INTO webhook_events (message_id, type, payload,"
                + " dispatched) VALUES (?, ?, ?::jsonb, ?)", messageId, type, payload, dispatched);
    }

    long deliveryFor(long endpoint, String messageId) {
        return Jdbc.list(dataSource, "queueing a webhook", rs -> rs.getLong(1), "INSERT INTO webhook_deliveries"
                + " (endpoint_id, event_id, status) SELECT ?, id, 'pending' FROM webhook_events WHERE message_id = ?"
                + " RETURNING id", endpoint, messageId).getFirst();
    }

    int dispatch() {
        return Jdbc.update(dataSource, "handing out webhook events", DISPATCH);
    }

    List<Claimed> claim(Duration lease, int limit) {
        return Jdbc.list(dataSource, "claiming webhook deliveries", rs -> new Claimed(rs.getLong(1), rs.getLong(2),
                rs.getLong(3), rs.getInt(4)), CLAIM, lease.toMillis() + " milliseconds", limit);
    }

    Message message(long event) {
        return Jdbc.list(dataSource, "reading a webhook event", rs -> new Message(rs.getString(1), rs.getString(2)),
                "SELECT message_id, payload::text FROM webhook_events WHERE id = ?", event).getFirst();
    }

    /** Records one attempt: succeeded, retried after {@code retry}, or failed for good ({@code retry} null). */
    void attempted(long id, boolean ok, Integer status, String error, int millis, Duration retry) {
        Jdbc.update(dataSource, "recording a webhook attempt", "UPDATE webhook_deliveries SET status = ?,"
                + " response_status = ?, last_error = ?, duration_ms = ?, claimed_until = NULL,"
                + " next_attempt_at = now() + ?::interval WHERE id = ? AND status = 'delivering'",
                ok ? "succeeded" : retry == null ? "failed" : "pending", status, error, millis,
                (retry == null ? 0 : retry.toMillis()) + " milliseconds", id);
    }

    /** Sends a delivery again (same webhook-id): back to pending, due now, with a fresh count of attempts. */
    boolean redeliver(long endpoint, long id) {
        return Jdbc.update(dataSource, "redelivering a webhook", "UPDATE webhook_deliveries SET status = 'pending',"
                + " attempts = 0, next_attempt_at = now(), claimed_until = NULL WHERE id = ? AND endpoint_id = ?"
                + " AND status <> 'delivering'", id, endpoint) == 1;
    }

    List<WebhookDeliveryView> deliveries(long endpoint, int limit) {
        return Jdbc.list(dataSource, "listing webhook deliveries", OutboxRepository::map,
                VIEW + " WHERE d.endpoint_id = ? ORDER BY d.id DESC LIMIT ?", endpoint, limit);
    }

    Optional<WebhookDeliveryView> delivery(long id) {
        return Jdbc.list(dataSource, "reading a webhook delivery", OutboxRepository::map, VIEW + " WHERE d.id = ?",
                id).stream().findFirst();
    }

    private static WebhookDeliveryView map(ResultSet rs) throws SQLException {
        return new WebhookDeliveryView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getInt(6), rs.getObject(7, OffsetDateTime.class),
                (Integer) rs.getObject(8), rs.getString(9), (Integer) rs.getObject(10),
                rs.getObject(11, OffsetDateTime.class), rs.getObject(12, OffsetDateTime.class));
    }
}
