package dev.faultline.classify;

import dev.faultline.error.FieldError;
import dev.faultline.error.ProblemException;
import dev.faultline.record.RecordKind;
import dev.faultline.security.CurrentUser;
import dev.faultline.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Fault classification over REST: classify a text, the taxonomy, the classifier and its training. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Fault classification")
public class ClassifyResource {

    static final int MAX_TEXT = 20_000;

    /**
     * Body of {@code POST /api/v1/classify}; with a site, only that site's fault classes are chosen from; with
     * {@code kind} {@code quality_report} the answer is a defect class instead of a failure mode.
     */
    public record ClassifyRequest(String text, String site, String kind) {}

    private final ClassifierService service;
    private final DefectClassifier defects;
    private final CurrentUser user;

    ClassifyResource(ClassifierService service, DefectClassifier defects, CurrentUser user) {
        this.service = service;
        this.defects = defects;
        this.user = user;
    }

    @POST
    @Path("/classify")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TECHNICIAN, Roles.CLASSIFY})
    @Operation(summary = "Classify a text into a failure mode (a quality report: a defect class), with confidence,"
            + " alternatives and evidence")
    @APIResponse(responseCode = "422", description = "No text, text over 20,000 characters, or an unknown kind")
    @APIResponse(responseCode = "503", description = "The first classifier is still being trained")
    public ClassificationView classify(ClassifyRequest request) {
        String text = request == null ? null : request.text();
        if (text == null || text.isBlank()) {
            throw ProblemException.invalid(List.of(FieldError.of("text", "is required: the text to classify")));
        }
        if (text.length() > MAX_TEXT) {
            throw ProblemException.invalid(List.of(FieldError.of("text",
                    "is " + text.length() + " characters; at most " + MAX_TEXT)));
        }
        String kind = request.kind() == null || request.kind().isBlank() ? null : request.kind().strip();
        if (kind != null && RecordKind.fromCode(kind).isEmpty()) {
            throw ProblemException.invalid(List.of(FieldError.of("kind",
                    "'" + kind + "' is not a record kind; one of " + RecordKind.codes())));
        }
        if (RecordKind.QUALITY_REPORT.code().equals(kind)) {
            return defects.classify(text.strip());
        }
        return service.classify(text.strip(), request.site());
    }

    @GET
    @Path("/defect-classes")
    @RolesAllowed({Roles.TECHNICIAN, Roles.CLASSIFY, Roles.RECORDS_READ})
    @Operation(summary = "The defect classes of quality reports: label, code, description")
    public List<Taxonomy.FaultClass> defectClasses() {
        return defects.taxonomy().classes();
    }

    @GET
    @Path("/fault-classes")
    @RolesAllowed({Roles.TECHNICIAN, Roles.CLASSIFY, Roles.RECORDS_READ})
    @Operation(summary = "The failure-mode taxonomy: label, ISO 14224 code, description (a site's own subset with ?site=)")
    public List<Taxonomy.FaultClass> faultClasses(@QueryParam("site") String site) {
        return service.faultClasses(site);
    }

    @GET
    @Path("/classifier")
    @RolesAllowed({Roles.TECHNICIAN, Roles.CLASSIFY})
    @Operation(summary = "The classifier in use, records waiting for classification, the latest training run")
    public ClassifierView classifier() {
        return service.classifier();
    }

    @POST
    @Path("/classifier/training")
    @RolesAllowed(Roles.ENGINEER)
    @Operation(summary = "Train a new classifier version from the labelled data and every correction (a job)")
    @APIResponse(responseCode = "202", description = "The queued run; follow it at /api/v1/classifier/training/{id}")
    public Response train() {
        TrainingRunView run = service.requestTraining(user.name());
        return Response.accepted(run).header("Location", "/api/v1/classifier/training/" + run.id()).build();
    }

    @GET
    @Path("/classifier/training/{id}")
    @RolesAllowed({Roles.TECHNICIAN, Roles.CLASSIFY})
    @Operation(summary = "A training run: status and progress")
    public TrainingRunView run(@PathParam("id") long id) {
        return service.run(id);
    }
}
