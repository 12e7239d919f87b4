package dev.faultline.ticketing;

import dev.faultline.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import javax.sql.DataSource;

/** Tickets raised from Faultline, for the link back from records and assets. */
@ApplicationScoped
class CreatedTicketRepository {

    private static final String SELECT = "SELECT id, system, ticket_key, url, record_id, asset, created_by, created_at"
            + " FROM created_tickets";

    private final DataSource dataSource;

    CreatedTicketRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    CreatedTicket insert(String system, TicketSystems.Raised raised, Long recordId, String asset, String actor) {
        return Jdbc.list(dataSource, "keeping a created ticket", CreatedTicketRepository::map, "INSERT INTO"
                + " created_tickets (system, ticket_key, url, record_id, asset, created_by) VALUES (?, ?, ?, ?, ?, ?)"
                + " RETURNING id, system, ticket_key, url, record_id, asset, created_by, created_at", system,
                raised.key(), raised.url(), recordId, asset, actor).getFirst();
    }

    List<CreatedTicket> forRecord(long recordId) {
        return Jdbc.list(dataSource, "reading a record's tickets", CreatedTicketRepository::map,
                SELECT + " WHERE record_id = ? ORDER BY id", recordId);
    }

    List<CreatedTicket> forAsset(String asset) {
        return Jdbc.list(dataSource, "reading an asset's tickets", CreatedTicketRepository::map,
                SELECT + " WHERE asset = ? AND record_id IS NULL ORDER BY id", asset);
    }

    private static CreatedTicket map(ResultSet rs) throws SQLException {
        return new CreatedTicket(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                (Long) rs.getObject(5), rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class));
    }
}
