package dev.faultline.ticketing;

import dev.faultline.security.CurrentUser;
import dev.faultline.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Ticketing integrations that send ticket events in: administrators define them. */
@Path("/api/v1/integrations")
@Tag(name = "Ticketing")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class IntegrationResource {

    private final IntegrationService integrations;
    private final CurrentUser user;

    IntegrationResource(IntegrationService integrations, CurrentUser user) {
        this.integrations = integrations;
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
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "204", description = "Removed")
    public Response delete(@PathParam("name") String name) {
        integrations.delete(name, user.name());
        return Response.noContent().build();
    }
}
