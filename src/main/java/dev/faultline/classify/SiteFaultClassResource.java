package dev.faultline.classify;

import dev.faultline.security.CurrentUser;
import dev.faultline.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A site's own subset of the fault taxonomy (admins). */
@Path("/api/v1/sites/{site}/fault-classes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Fault classification")
public class SiteFaultClassResource {

    /** Body: the labels the site uses; {@code []} gives it the whole taxonomy again. */
    public record SiteClassesRequest(List<String> labels) {}

    private final ClassifierService service;
    private final CurrentUser user;

    SiteFaultClassResource(ClassifierService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Set the fault classes a site uses (a subset of the taxonomy); its records are reclassified")
    @APIResponse(responseCode = "422", description = "No labels, or labels that are not fault classes")
    public List<Taxonomy.FaultClass> set(@PathParam("site") String site, SiteClassesRequest request) {
        return service.setSiteClasses(site, request == null ? null : request.labels(), user.name());
    }
}
