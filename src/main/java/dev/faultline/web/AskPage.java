package dev.faultline.web;

import dev.faultline.ask.AskRequest;
import dev.faultline.ask.AskService;
import dev.faultline.ask.AskView;
import dev.faultline.error.FieldError;
import dev.faultline.error.ProblemException;
import dev.faultline.record.RecordKind;
import dev.faultline.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The Ask page: a question with the search filters; the answer with numbered citations linked to the records and
 * the retrieved evidence beside it. Works without JavaScript; with it the answer streams in.
 */
@Path("/ask")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.TECHNICIAN)
public class AskPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance ask(String question, AskRequest.Filters filters, AskView answer, String error,
                String generator, RecordKind[] kinds);
    }

    private final AskService service;
    private final UiLanguage lang;

    AskPage(AskService service, UiLanguage lang) {
        this.service = service;
        this.lang = lang;
    }

    @GET
    public TemplateInstance page(@QueryParam("question") String question, @QueryParam("asset") String asset,
            @QueryParam("site") String site, @QueryParam("kind") String kind, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("faultClass") String faultClass) {
        AskRequest.Filters filters = new AskRequest.Filters(asset, site, kind, null, from, to, faultClass);
        if (question == null || question.isBlank()) {
            return Templates.ask("", filters, null, null, service.generatorName(), RecordKind.values());
        }
        try {
            AskView answer = service.ask(new AskRequest(question, filters));
            return Templates.ask(question, filters, answer, null, service.generatorName(), RecordKind.values());
        } catch (ProblemException e) {
            String detail = lang.problem(e);
            if (!e.errors().isEmpty()) {
                // the one box on the page is the question: "question is required…", in Chinese its reason alone
                FieldError first = e.errors().getFirst();
                detail = lang.zh() ? lang.reason(first.reason()) : first.field() + " " + first.reason();
            }
            return Templates.ask(question, filters, null, detail, service.generatorName(), RecordKind.values());
        }
    }
}
