package dev.faultline.digest;

import dev.faultline.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The digest outbox. A scheduled period is inserted once (unique per subscription and period); a worker claims
 * due rows with {@code FOR UPDATE SKIP LOCKED} and a lease, so two instances never hold the same row.
 */
@ApplicationScoped
class DeliveryRepository {

    private static final String COLUMNS = "id, subscription_id, period_start, period_end, status, manual, attempts,"
            + " next_attempt_at, last_error, recipient, subject, created_at, sent_at";
    private static final String CLAIM = """
            UPDATE digest_deliveries d SET status = 'sending', claimed_by = ?, claimed_until = now() + ?::interval,
                   attempts = d.attempts + 1
             WHERE d.id IN (SELECT id FROM digest_deliveries
                             WHERE (status IN ('queued', 'retrying') AND next_attempt_at <= now())
                                OR (status = 'sending' AND claimed_until < now())
                             ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED)
            RETURNING\s""" + COLUMNS;

    /** The stored mail of a delivery. */
    record Content(String subject, String html, String plain) {}

    private final DataSource dataSource;

    DeliveryRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Queues the scheduled mail of a period unless it exists; answers whether this call queued it. */
    boolean enqueue(long subscription, Schedule.Period p, String recipient) {
        return Jdbc.update(dataSource, "queueing a digest", "INSERT INTO digest_deliveries (subscription_id,"
                + " period_start, period_end, status, recipient) VALUES (?, ?, ?, 'queued', ?)"
                + " ON CONFLICT (subscription_id, period_start) WHERE NOT manual DO NOTHING",
                subscription, utc(p.start()), utc(p.end()), recipient) == 1;
    }

    /** Queues an extra ("send now") mail of any period. */
    long enqueueManual(long subscription, Schedule.Period p, String recipient) {
        return Jdbc.list(dataSource, "queueing a digest", rs -> rs.getLong(1), "INSERT INTO digest_deliveries"
                + " (subscription_id, period_start, period_end, status, manual, recipient)"
                + " VALUES (?, ?, ?, 'queued', true, ?) RETURNING id",
                subscription, utc(p.start()), utc(p.end()), recipient).getFirst();
    }

    List<DeliveryView> claim(String instance, Duration lease, int limit) {
        return Jdbc.list(dataSource, "claiming digests", DeliveryRepository::map, CLAIM, instance,
                lease.toSeconds() + " seconds", limit);
    }

    Optional<Content> content(long id) {
        return Jdbc.list(dataSource, "reading a digest", rs -> rs.getString(2) == null ? null
                : new Content(rs.getString(1), rs.getString(2), rs.getString(3)),
                "SELECT subject, html, plain FROM digest_deliveries WHERE id = ?", id).stream()
                .filter(java.util.Objects::nonNull).findFirst();
    }

    /** Keeps the mail made for a delivery, so a retry sends exactly the same one. */
    void store(long id, Content c) {
        Jdbc.update(dataSource, "storing a digest", "UPDATE digest_deliveries SET subject = ?, html = ?, plain = ?"
                + " WHERE id = ? AND html IS NULL", c.subject(), c.html(), c.plain(), id);
    }

    /** Marks a claimed delivery done (sent or unsent); only the instance holding it can. */
    void finish(long id, String instance, String status) {
        Jdbc.update(dataSource, "finishing a digest", "UPDATE digest_deliveries SET status = ?, claimed_until = NULL,"
                + " last_error = NULL, sent_at = CASE WHEN ? = 'sent' THEN now() END WHERE id = ? AND claimed_by = ?",
                status, status, id, instance);
    }

    /** Records a failed attempt: retried after {@code wait}, or failed for good when {@code wait} is null. */
    void failed(long id, String instance, String error, Duration wait) {
        Jdbc.update(dataSource, "recording a failed digest", "UPDATE digest_deliveries SET status = ?,"
                + " last_error = ?, claimed_until = NULL, next_attempt_at = now() + ?::interval"
                + " WHERE id = ? AND claimed_by = ?", wait == null ? "failed" : "retrying", error,
                (wait == null ? 0 : wait.toMillis()) + " milliseconds", id, instance);
    }

    /** Puts an unsent or failed delivery back in the queue (an administrator's "send again"). */
    boolean requeue(long id) {
        return Jdbc.update(dataSource, "queueing a digest again", "UPDATE digest_deliveries SET status = 'queued',"
                + " attempts = 0, next_attempt_at = now() WHERE id = ? AND status IN ('unsent', 'failed')", id) == 1;
    }

    Optional<DeliveryView> find(long id) {
        return Jdbc.list(dataSource, "reading a digest delivery", DeliveryRepository::map,
                "SELECT " + COLUMNS + " FROM digest_deliveries WHERE id = ?", id).stream().findFirst();
    }

    /** The latest deliveries, of one subscription or (null) all. */
    List<DeliveryView> latest(Long subscription, int limit) {
        return subscription == null
                ? Jdbc.list(dataSource, "listing digests", DeliveryRepository::map, "SELECT " + COLUMNS
                        + " FROM digest_deliveries ORDER BY created_at DESC, id DESC LIMIT ?", limit)
                : Jdbc.list(dataSource, "listing digests", DeliveryRepository::map, "SELECT " + COLUMNS
                        + " FROM digest_deliveries WHERE subscription_id = ? ORDER BY created_at DESC, id DESC"
                        + " LIMIT ?", subscription, limit);
    }

    private static DeliveryView map(ResultSet rs) throws SQLException {
        return new DeliveryView(rs.getLong(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5), rs.getBoolean(6), rs.getInt(7),
                rs.getObject(8, OffsetDateTime.class), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getObject(12, OffsetDateTime.class), rs.getObject(13, OffsetDateTime.class));
    }

    static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
