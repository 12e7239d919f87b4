package dev.faultline.digest;

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

/** Digest subscriptions and their mail over REST: a user's own, or every one for an administrator. */
@Path("/api/v1/digests")
@Tag(name = "Digests")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TECHNICIAN, Roles.RECORDS_READ})
public class DigestResource {

    private final SubscriptionService service;
    private final DeliveryService outbox;
    private final CurrentUser user;

    DigestResource(SubscriptionService service, DeliveryService outbox, CurrentUser user) {
        this.service = service;
        this.outbox = outbox;
        this.user = user;
    }

    @POST
    @Path("/subscriptions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe an address: {\"email\":..,\"schedule\":{\"every\":\"week\",\"day\":\"MONDAY\","
            + "\"hour\":7,\"zone\":\"Europe/Berlin\"},\"filters\":{\"sites\":[],\"assets\":[],\"assetTypes\":[],"
            + "\"kinds\":[],\"faultClasses\":[]}}")
    public Response create(SubscriptionRequest request) {
        SubscriptionView created = service.create(actor(), request);
        return Response.created(URI.create("/api/v1/digests/subscriptions/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/subscriptions")
    @Operation(summary = "Your subscriptions (an administrator sees every one)")
    public List<SubscriptionView> list() {
        return service.list(actor());
    }

    @GET
    @Path("/subscriptions/{id}")
    public SubscriptionView get(@PathParam("id") long id) {
        return service.get(actor(), id);
    }

    @PUT
    @Path("/subscriptions/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a subscription (one that was unsubscribed by its recipient stays unsubscribed)")
    public SubscriptionView update(@PathParam("id") long id, SubscriptionRequest request) {
        return service.update(actor(), id, request);
    }

    @DELETE
    @Path("/subscriptions/{id}")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "204", description = "Removed")
    public Response delete(@PathParam("id") long id) {
        service.delete(actor(), id);
        return Response.noContent().build();
    }

    @GET
    @Path("/subscriptions/{id}/preview")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The HTML of the mail for a period: from/to (dates in the subscription's zone, to exclusive),"
            + " default the latest complete period")
    public String preview(@PathParam("id") long id, @QueryParam("from") String from, @QueryParam("to") String to) {
        return service.preview(actor(), id, from, to);
    }

    @POST
    @Path("/subscriptions/{id}/send")
    @Operation(summary = "Send the mail of a period now (default the latest complete one); 202 with the delivery")
    public Response send(@PathParam("id") long id, @QueryParam("from") String from, @QueryParam("to") String to) {
        return Response.accepted(service.sendNow(actor(), id, from, to)).build();
    }

    @GET
    @Path("/subscriptions/{id}/deliveries")
    @Operation(summary = "The latest mails of a subscription: sent, unsent (no SMTP), retrying or failed, and why")
    public List<DeliveryView> deliveries(@PathParam("id") long id) {
        return service.deliveries(actor(), id);
    }

    @GET
    @Path("/deliveries")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "The outbox: the latest digest mails of every subscription")
    public List<DeliveryView> outbox(@QueryParam("limit") Integer limit) {
        return outbox.latest(limit == null ? 100 : Math.max(1, Math.min(limit, 1000)));
    }

    @POST
    @Path("/deliveries/{id}/retry")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Queue an unsent or failed mail again")
    public DeliveryView retry(@PathParam("id") long id) {
        return outbox.retry(id);
    }

    private SubscriptionService.Actor actor() {
        return new SubscriptionService.Actor(user.name(), user.admin());
    }
}
