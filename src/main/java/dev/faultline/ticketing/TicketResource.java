package dev.faultline.ticketing;

import dev.faultline.security.CurrentUser;
import dev.faultline.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Tickets raised in the plant's ticketing system from a record or an at-risk asset. */
@Path("/api/v1/tickets")
@Tag(name = "Ticketing")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.TECHNICIAN)
public class TicketResource {

    private final TicketService tickets;
    private final CurrentUser user;

    TicketResource(TicketService tickets, CurrentUser user) {
        this.tickets = tickets;
        this.user = user;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Raise a ticket: {\"recordId\":42} or {\"asset\":\"FD001-E034\"}, optional \"system\""
            + " (jira or servicenow); 201 with its key and link")
    public Response raise(TicketRequest request) {
        return Response.status(201).entity(tickets.raise(request, user.name())).build();
    }

    @GET
    @Path("/records/{id}")
    @Operation(summary = "The tickets raised from a record")
    public List<CreatedTicket> forRecord(@PathParam("id") long id) {
        return tickets.forRecord(id);
    }
}
