package dev.faultline.web;

import dev.faultline.error.ProblemException;
import dev.faultline.security.CsrfGuard;
import dev.faultline.security.CurrentUser;
import dev.faultline.security.Roles;
import dev.faultline.webhook.EndpointRequest;
import dev.faultline.webhook.EndpointView;
import dev.faultline.webhook.EventTypes;
import dev.faultline.webhook.WebhookDeliveryView;
import dev.faultline.webhook.WebhookService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/** "Integrations": webhook endpoints, their secrets (shown once), delivery logs, redelivery and test pings. */
@Path("/admin/integrations")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class IntegrationsPage {

    /** One endpoint with its latest deliveries. */
    public record Row(EndpointView endpoint, List<WebhookDeliveryView> deliveries) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance integrations(List<Row> rows, List<String> events, EndpointView created,
                String error);
    }

    private final WebhookService webhooks;
    private final CurrentUser user;
    private final CsrfGuard csrf;
    private final UiLanguage lang;

    IntegrationsPage(WebhookService webhooks, CurrentUser user, CsrfGuard csrf, UiLanguage lang) {
        this.webhooks = webhooks;
        this.user = user;
        this.csrf = csrf;
        this.lang = lang;
    }

    @GET
    public TemplateInstance page() {
        return page(null, null);
    }

    @POST
    public Response create(@RestForm(CsrfGuard.FORM_FIELD) String token, @RestForm String url,
            @RestForm List<String> events, @RestForm String description) {
        csrf.check(user.identity(), token);
        try {
            EndpointView created = webhooks.create(new EndpointRequest(url, events, description, true), user.name());
            return Response.ok(page(created, null)).header("Cache-Control", "no-store").build();
        } catch (ProblemException e) {
            return Response.status(e.status()).entity(page(null, lang.problem(e))).build();
        }
    }

    @POST
    @Path("/{id}/{action}")
    public Response act(@PathParam("id") long id, @PathParam("action") String action,
            @RestForm(CsrfGuard.FORM_FIELD) String token, @RestForm Long delivery) {
        csrf.check(user.identity(), token);
        EndpointView e = webhooks.get(id);
        if (action.equals("rotate")) {
            return Response.ok(page(webhooks.rotate(id, user.name()), null)).header("Cache-Control", "no-store")
                    .build();
        }
        AdminMessages words = lang.bundle(AdminMessages.class);
        String message = switch (action) {
            case "test" -> {
                webhooks.test(id);
                yield words.testQueued(e.url());
            }
            case "redeliver" -> {
                webhooks.redeliver(id, delivery == null ? -1 : delivery, user.name());
                yield words.deliveryQueued(String.valueOf(delivery));
            }
            case "enable", "disable" -> {
                webhooks.setEnabled(id, action.equals("enable"), user.name());
                yield action.equals("enable") ? words.endpointEnabled() : words.endpointDisabled();
            }
            case "delete" -> {
                webhooks.delete(id, user.name());
                yield words.endpointRemoved();
            }
            default -> throw ProblemException.notFound("Action", action);
        };
        return Response.seeOther(URI.create("/admin/integrations")).cookie(Flash.set(message)).build();
    }

    private TemplateInstance page(EndpointView created, String error) {
        List<Row> rows = webhooks.list().stream().map(e -> new Row(e, webhooks.deliveries(e.id(), 10))).toList();
        return Templates.integrations(rows, EventTypes.ALL, created, error);
    }
}
