package dev.faultline.web;

import dev.faultline.digest.SubscriptionService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Unsubscribing from a digest without signing in, by the signed link in every mail. GET asks to confirm (link
 * scanners follow GETs); POST unsubscribes, also as the one-click POST of RFC 8058 that mail clients send.
 * A token that is not ours answers 400 and says nothing about why.
 */
@Path("/unsubscribe")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class UnsubscribePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance unsubscribe(String token, String state);
    }

    private final SubscriptionService subscriptions;

    UnsubscribePage(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    @GET
    public TemplateInstance confirm(@QueryParam("token") String token) {
        return Templates.unsubscribe(token, "confirm");
    }

    @POST
    public Response unsubscribe(@QueryParam("token") String token) {
        return subscriptions.unsubscribe(token)
                ? Response.ok(Templates.unsubscribe(null, "done")).build()
                : Response.status(400).entity(Templates.unsubscribe(null, "invalid")).build();
    }
}
