package dev.faultline.index;

import dev.faultline.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Progress of the embedding index. */
@Path("/api/v1/index/status")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TECHNICIAN, Roles.SEARCH, Roles.RECORDS_READ})
@Tag(name = "Search")
public class IndexResource {

    private final IndexService service;

    IndexResource(IndexService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "Records waiting to be embedded, records embedded with the current model, and the model")
    public IndexStatus status() {
        return service.status();
    }
}
