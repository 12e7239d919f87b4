package dev.faultline.web;

import dev.faultline.ticketing.CreatedTicket;
import dev.faultline.ticketing.TicketService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;

/** For templates: whether tickets can be raised ({@code inject:tickets.systems}) and a record's tickets. */
@Named("tickets")
@RequestScoped
public class TicketLinks {

    private final TicketService tickets;
    private List<String> systems;

    TicketLinks(TicketService tickets) {
        this.tickets = tickets;
    }

    public List<String> systems() {
        if (systems == null) {
            systems = tickets.systems();
        }
        return systems;
    }

    public List<CreatedTicket> of(long recordId) {
        return tickets.forRecord(recordId);
    }
}
