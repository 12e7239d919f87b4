package dev.faultline.webhook;

import dev.faultline.security.CurrentUser;
import dev.faultline.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Outbound webhook endpoints (administrators). */
@Path("/api/v1/webhooks")
@Tag(name = "Webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class WebhookResource {

    private final WebhookService service;
    private final CurrentUser user;

    WebhookResource(WebhookService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register an endpoint: {\"url\":..,\"events\":[\"record.created\",..],\"description\":..};"
            + " 201 with its signing secret, shown this once")
    public Response create(EndpointRequest request) {
        EndpointView created = service.create(request, user.name());
        return Response.created(URI.create("/api/v1/webhooks/" + created.id())).entity(created)
                .header("Cache-Control", "no-store").build();
    }

    @GET
    public List<EndpointView> list() {
        return service.list();
    }

    @GET
    @Path("/{id}")
    public EndpointView get(@PathParam("id") long id) {
        return service.get(id);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change an endpoint's URL, events, description or enabled state (enabling clears its failures)")
    public EndpointView update(@PathParam("id") long id, EndpointRequest request) {
        return service.update(id, request, user.name());
    }

    @DELETE
    @Path("/{id}")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "204", description = "Removed")
    public Response delete(@PathParam("id") long id) {
        service.delete(id, user.name());
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/rotate-secret")
    @Operation(summary = "A new signing secret (shown once); the old one signs too until faultline.webhooks.rotation-overlap")
    public Response rotate(@PathParam("id") long id) {
        return Response.ok(service.rotate(id, user.name())).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("/{id}/test")
    @Operation(summary = "Send a webhook.test event to this endpoint; 202 with its delivery")
    public Response test(@PathParam("id") long id) {
        return Response.accepted(service.test(id)).build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "The latest deliveries: status, HTTP answer, attempts, duration")
    public List<WebhookDeliveryView> deliveries(@PathParam("id") long id, @QueryParam("limit") Integer limit) {
        return service.deliveries(id, limit == null ? 50 : Math.max(1, Math.min(limit, 500)));
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    @Operation(summary = "Send a delivery again (same webhook-id)")
    public WebhookDeliveryView redeliver(@PathParam("id") long id, @PathParam("deliveryId") long deliveryId) {
        return service.redeliver(id, deliveryId, user.name());
    }
}
