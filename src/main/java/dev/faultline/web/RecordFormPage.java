package dev.faultline.web;

import dev.faultline.error.FieldError;
import dev.faultline.error.ProblemException;
import dev.faultline.ingest.AssetInput;
import dev.faultline.ingest.IngestService;
import dev.faultline.ingest.RecordBatchRequest;
import dev.faultline.ingest.RecordInput;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/** The record entry form: a technician logs a fault in seconds. Saved through the same ingest as the API. */
@Path("/records/new")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.TECHNICIAN)
public class RecordFormPage {

    static final String SOURCE = "faultline-web";

    /** What was typed, to refill the form after an error. */
    public record Form(String kind, String asset, String occurredAt, String title, String text, String problem,
            String action, String findings) {

        static Form empty() {
            return new Form(RecordKind.MAINTENANCE_LOG.code(), "", "", "", "", "", "", "");
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(Form form, RecordKind[] kinds, Map<String, String> errors);
    }

    private final IngestService ingest;
    private final CurrentUser user;
    private final CsrfGuard csrf;
    private final UiLanguage lang;

    RecordFormPage(IngestService ingest, CurrentUser user, CsrfGuard csrf, UiLanguage lang) {
        this.lang = lang;
        this.ingest = ingest;
        this.user = user;
        this.csrf = csrf;
    }

    @GET
    public TemplateInstance form() {
        return Templates.form(Form.empty(), RecordKind.values(), Map.of());
    }

    @POST
    public Response save(@RestForm(CsrfGuard.FORM_FIELD) String token, @RestForm String kind,
            @RestForm String asset, @RestForm String occurredAt, @RestForm String title, @RestForm String text,
            @RestForm String problem, @RestForm String action, @RestForm String findings) {
        csrf.check(user.identity(), token);
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "problem", problem);
        put(fields, "action", action);
        put(fields, "findings", findings);
        RecordInput input = new RecordInput(SOURCE, UUID.randomUUID().toString(), kind,
                asset == null || asset.isBlank() ? null : new AssetInput(asset.strip(), null, null, null, null),
                occurredAt, user.name(), title, text, fields, null, List.of());
        try {
            long id = ingest.ingest(new RecordBatchRequest(List.of(input)), user.name()).results().getFirst().id();
            return Response.seeOther(URI.create("/records/" + id))
                    .cookie(Flash.set(lang.bundle(FindMessages.class).recordSaved())).build();
        } catch (ProblemException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldError error : e.errors()) {
                errors.put(error.field().replace("records[0].", "").replace("asset.id", "asset"),
                        lang.reason(error.reason()));
            }
            Form form = new Form(kind, asset, occurredAt, title, text, problem, action, findings);
            return Response.status(422).entity(Templates.form(form, RecordKind.values(), errors)).build();
        }
    }

    private static void put(Map<String, String> fields, String name, String value) {
        if (value != null && !value.isBlank()) {
            fields.put(name, value);
        }
    }
}
