package dev.faultline.ticketing;

import dev.faultline.security.CurrentUser;
import dev.faultline.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Ticketing integrations: administrators define them; their systems send ticket events in, signed. */
@Path("/api/v1/integrations")
@Tag(name = "Ticketing")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class IntegrationResource {

    /** The largest event body read (a ticket with a long description and a comment). */
    static final int MAX_EVENT_BYTES = 1 << 20;

    private final IntegrationService integrations;
    private final TicketEventService events;
    private final CurrentUser user;

    IntegrationResource(IntegrationService integrations, TicketEventService events, CurrentUser user) {
        this.integrations = integrations;
        this.events = events;
        this.user = user;
    }

    @PUT
    @Path("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or change an integration: {\"kind\":\"jira\",\"baseUrl\":\"https://plant.atlassian.net\","
            + "\"mapping\":{\"asset\":\"/issue/fields/customfield_10050\"}}; a new one answers its secret, once")
    public Response put(@PathParam("name") String name, IntegrationRequest request) {
        return Response.ok(integrations.put(name, request, user.name())).header("Cache-Control", "no-store").build();
    }

    @GET
    public List<IntegrationView> list() {
        return integrations.list();
    }

    @GET
    @Path("/{name}")
    public IntegrationView get(@PathParam("name") String name) {
        return integrations.get(name);
    }

    @DELETE
    @Path("/{name}")
    public Response delete(@PathParam("name") String name) {
        integrations.delete(name, user.name());
        return Response.noContent().build();
    }

    @POST
    @Path("/{name}/events")
    @PermitAll
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
                    "IntegrationResource.MAX_EVENT_BYTES");
        }
        return events.receive(name, body == null ? new byte[0] : body,
                new TicketEventService.Proof(hubSignature, signature, sharedSecret));
    }
}
