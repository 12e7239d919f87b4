package dev.faultline.ticketing;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Ticket events from an integration's system: authenticated by the integration's secret, not by a key or session. */
@Path("/api/v1/integrations/{name}/events")
@Tag(name = "Ticketing")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class TicketEventResource {

    /** The largest event body read (a ticket with a long description and a comment). */
    static final int MAX_EVENT_BYTES = 1 << 20;

    private final TicketEventService events;

    TicketEventResource(TicketEventService events) {
        this.events = events;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "A ticket event from the integration's system (Jira webhook, ServiceNow outbound REST"
            + " message, or the generic shape), authenticated by its secret: X-Hub-Signature / X-Faultline-Signature"
            + " (sha256=HMAC of the body) or X-Faultline-Secret; 401 and nothing written otherwise")
    public TicketEventResult event(@PathParam("name") String name, byte[] body,
            @HeaderParam("X-Hub-Signature") String hubSignature,
            @HeaderParam("X-Faultline-Signature") String signature,
            @HeaderParam("X-Faultline-Secret") String sharedSecret) {
        if (body != null && body.length > MAX_EVENT_BYTES) {
            throw dev.faultline.error.ProblemException.tooLarge("The event", MAX_EVENT_BYTES,
                    "TicketEventResource.MAX_EVENT_BYTES");
        }
        return events.receive(name, body == null ? new byte[0] : body,
                new TicketEventService.Proof(hubSignature, signature, sharedSecret));
    }
}
