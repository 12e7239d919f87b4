package dev.faultline.digest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Digest subscriptions in PostgreSQL. */
@ApplicationScoped
class SubscriptionRepository {

    private static final String SELECT = "SELECT id, owner, email, every, day_of_week, hour, zone, filters::text,"
            + " language, created_at, unsubscribed_at FROM digest_subscriptions";

    private final DataSource dataSource;
    private final ObjectMapper json;

    SubscriptionRepository(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    long insert(String owner, SubscriptionValidator.Valid s) {
        return Jdbc.list(dataSource, "adding a digest subscription", rs -> rs.getLong(1),
                "INSERT INTO digest_subscriptions (owner, email, every, day_of_week, hour, zone, filters, language)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?) RETURNING id",
                owner, s.email(), s.schedule().every(), s.schedule().day().name(), s.schedule().hour(),
                s.schedule().zone().getId(), write(s.filters()), s.language()).getFirst();
    }

    boolean update(long id, SubscriptionValidator.Valid s) {
        return Jdbc.update(dataSource, "changing a digest subscription",
                "UPDATE digest_subscriptions SET email = ?, every = ?, day_of_week = ?, hour = ?, zone = ?,"
                        + " filters = ?::jsonb, language = ?, updated_at = now() WHERE id = ?",
                s.email(), s.schedule().every(), s.schedule().day().name(), s.schedule().hour(),
                s.schedule().zone().getId(), write(s.filters()), s.language(), id) == 1;
    }

    boolean delete(long id) {
        return Jdbc.update(dataSource, "removing a digest subscription",
                "DELETE FROM digest_subscriptions WHERE id = ?", id) == 1;
    }

    boolean unsubscribe(long id) {
        return Jdbc.update(dataSource, "unsubscribing", "UPDATE digest_subscriptions SET unsubscribed_at = now()"
                + " WHERE id = ? AND unsubscribed_at IS NULL", id) == 1;
    }

    Optional<Subscription> find(long id) {
        return Jdbc.list(dataSource, "reading a digest subscription", this::map, SELECT + " WHERE id = ?", id)
                .stream().findFirst();
    }

    /** Every subscription, or those of one owner (null: all), newest first. */
    List<Subscription> list(String owner) {
        return owner == null
                ? Jdbc.list(dataSource, "listing digest subscriptions", this::map, SELECT + " ORDER BY id DESC")
                : Jdbc.list(dataSource, "listing digest subscriptions", this::map,
                        SELECT + " WHERE owner = ? ORDER BY id DESC", owner);
    }

    List<Subscription> active() {
        return Jdbc.list(dataSource, "listing active digest subscriptions", this::map,
                SELECT + " WHERE unsubscribed_at IS NULL ORDER BY id");
    }

    private Subscription map(ResultSet rs) throws SQLException {
        try {
            return new Subscription(rs.getLong(1), rs.getString(2), rs.getString(3),
                    new Schedule(rs.getString(4), DayOfWeek.valueOf(rs.getString(5)), rs.getInt(6),
                            ZoneId.of(rs.getString(7))),
                    json.readValue(rs.getString(8), DigestFilters.class), rs.getString(9),
                    rs.getObject(10, OffsetDateTime.class), rs.getObject(11, OffsetDateTime.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("digest subscription " + rs.getLong(1) + ": unreadable filters", e);
        }
    }

    private String write(DigestFilters filters) {
        try {
            return json.writeValueAsString(filters);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
