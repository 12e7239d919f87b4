package dev.faultline.classify;

import dev.faultline.security.CurrentUser;
import dev.faultline.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A record's fault class: engineers' corrections and their history. */
@Path("/api/v1/records/{id}/fault-class")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Fault classification")
public class FaultClassResource {

    /** Body of {@code PUT /api/v1/records/{id}/fault-class}. */
    public record CorrectionRequest(String label) {}

    private final ClassifierService service;
    private final CurrentUser user;

    FaultClassResource(ClassifierService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ENGINEER)
    @Operation(summary = "Correct a record's fault class (engineers); kept over the model's, used in the next training")
    @APIResponse(responseCode = "422", description = "No label, or a label that is not a fault class")
    @APIResponse(responseCode = "404", description = "No such record")
    public CorrectionView correct(@PathParam("id") long id, CorrectionRequest request) {
        return service.correct(id, request == null ? null : request.label(), user.name());
    }

    @GET
    @Path("/corrections")
    @RolesAllowed({Roles.TECHNICIAN, Roles.RECORDS_READ})
    @Operation(summary = "A record's fault-class corrections, newest first")
    public List<CorrectionView> corrections(@PathParam("id") long id) {
        return service.corrections(id);
    }
}
