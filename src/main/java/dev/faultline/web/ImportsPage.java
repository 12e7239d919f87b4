package dev.faultline.web;

import dev.faultline.error.ProblemException;
import dev.faultline.imports.ImportService;
import dev.faultline.imports.ImportUpload;
import dev.faultline.imports.ImportView;
import dev.faultline.security.CsrfGuard;
import dev.faultline.security.CurrentUser;
import dev.faultline.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Upload a CSV / JSONL file and watch imports progress (live bars fed by the imports API). */
@Path("/imports")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ENGINEER)
public class ImportsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance imports(List<ImportView> jobs, String error);
    }

    private final ImportService imports;
    private final CurrentUser user;
    private final CsrfGuard csrf;
    private final UiLanguage lang;

    ImportsPage(ImportService imports, CurrentUser user, CsrfGuard csrf, UiLanguage lang) {
        this.imports = imports;
        this.user = user;
        this.csrf = csrf;
        this.lang = lang;
    }

    @GET
    public TemplateInstance list() {
        return Templates.imports(imports.recent(20), null);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm(CsrfGuard.FORM_FIELD) String token, @RestForm("file") FileUpload file,
            @RestForm String source, @RestForm String kind, @RestForm String mapping) {
        csrf.check(user.identity(), token);
        ImportUpload upload = file == null || file.fileName() == null || file.fileName().isBlank()
                ? ImportUpload.records(null, null, 0, null, source, kind, mapping)
                : ImportUpload.records(file.uploadedFile(), file.fileName(), file.size(), null, source, kind, mapping);
        try {
            ImportView job = imports.submit(upload, user.name());
            return Response.seeOther(URI.create("/imports"))
                    .cookie(Flash.set(lang.bundle(PlantMessages.class).importStarted(job.fileName(), job.rowsTotal())))
                    .build();
        } catch (ProblemException e) {
            return Response.status(e.status()).entity(Templates.imports(imports.recent(20), lang.problem(e))).build();
        }
    }
}
