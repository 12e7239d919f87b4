package dev.faultline.web;

import dev.faultline.classify.ClassifierService;
import dev.faultline.classify.Taxonomy;
import dev.faultline.digest.DeliveryService;
import dev.faultline.digest.DeliveryView;
import dev.faultline.digest.DigestFilters;
import dev.faultline.digest.SubscriptionRequest;
import dev.faultline.digest.SubscriptionService;
import dev.faultline.digest.SubscriptionView;
import dev.faultline.error.ProblemException;
import dev.faultline.record.RecordConfig;
import dev.faultline.record.RecordKind;
import dev.faultline.security.CsrfGuard;
import dev.faultline.security.CurrentUser;
import dev.faultline.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/** "Digests": subscribe to the weekly (daily, monthly) email, preview it, send it now; administrators see the outbox. */
@Path("/digests")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.TECHNICIAN)
public class DigestsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance digests(List<SubscriptionView> subscriptions, List<DeliveryView> outbox,
                List<RecordKind> kinds, List<Taxonomy.FaultClass> faultClasses, String zone, String error);
    }

    private final SubscriptionService service;
    private final DeliveryService outbox;
    private final ClassifierService classifier;
    private final RecordConfig records;
    private final CurrentUser user;
    private final CsrfGuard csrf;
    private final UiLanguage lang;

    DigestsPage(SubscriptionService service, DeliveryService outbox, ClassifierService classifier,
            RecordConfig records, CurrentUser user, CsrfGuard csrf, UiLanguage lang) {
        this.lang = lang;
        this.service = service;
        this.outbox = outbox;
        this.classifier = classifier;
        this.records = records;
        this.user = user;
        this.csrf = csrf;
    }

    @GET
    public TemplateInstance list() {
        return page(null);
    }

    @POST
    public Response create(@RestForm(CsrfGuard.FORM_FIELD) String token, @RestForm String email,
            @RestForm String every, @RestForm String day, @RestForm Integer hour, @RestForm String zone,
            @RestForm String sites, @RestForm String assets, @RestForm String assetTypes,
            @RestForm List<String> kinds, @RestForm List<String> faultClasses, @RestForm String language) {
        csrf.check(user.identity(), token);
        try {
            SubscriptionView s = service.create(actor(), new SubscriptionRequest(email,
                    new SubscriptionRequest.ScheduleRequest(every, day, hour, zone),
                    new DigestFilters(split(sites), split(assets), split(assetTypes), kinds, faultClasses),
                    language == null ? lang.code() : language));
            return redirect(words().subscribed(s.email(), String.valueOf(s.nextDue())));
        } catch (ProblemException e) {
            return Response.status(e.status()).entity(page(lang.problem(e))).build();
        }
    }

    @GET
    @Path("/{id}/preview")
    public String preview(@PathParam("id") long id, @QueryParam("from") String from, @QueryParam("to") String to) {
        return service.preview(actor(), id, from, to);
    }

    @POST
    @Path("/{id}/send")
    public Response send(@PathParam("id") long id, @RestForm(CsrfGuard.FORM_FIELD) String token,
            @RestForm String from, @RestForm String to) {
        csrf.check(user.identity(), token);
        DeliveryView d = service.sendNow(actor(), id, from, to);
        return redirect(words().digestQueued(d.recipient()));
    }

    @POST
    @Path("/{id}/delete")
    public Response delete(@PathParam("id") long id, @RestForm(CsrfGuard.FORM_FIELD) String token) {
        csrf.check(user.identity(), token);
        service.delete(actor(), id);
        return redirect(words().subscriptionRemoved());
    }

    @GET
    @Path("/outbox/{id}")
    @RolesAllowed(Roles.ADMIN)
    public String mail(@PathParam("id") long id) {
        return outbox.html(id);
    }

    @POST
    @Path("/outbox/{id}/retry")
    @RolesAllowed(Roles.ADMIN)
    public Response retry(@PathParam("id") long id, @RestForm(CsrfGuard.FORM_FIELD) String token) {
        csrf.check(user.identity(), token);
        outbox.retry(id);
        return redirect(words().digestRequeued(id));
    }

    private TemplateInstance page(String error) {
        return Templates.digests(service.list(actor()), user.admin() ? outbox.latest(50) : List.of(),
                List.of(RecordKind.values()), classifier.faultClasses(null), records.defaultZone().getId(), error);
    }

    private AdminMessages words() {
        return lang.bundle(AdminMessages.class);
    }

    private SubscriptionService.Actor actor() {
        return new SubscriptionService.Actor(user.name(), user.admin());
    }

    private static List<String> split(String csv) {
        return csv == null ? List.of() : Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }

    private static Response redirect(String message) {
        return Response.seeOther(URI.create("/digests")).cookie(Flash.set(message)).build();
    }
}
