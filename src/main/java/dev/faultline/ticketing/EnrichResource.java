package dev.faultline.ticketing;

import dev.faultline.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Enrichment of a ticket's text, for ticketing systems. */
@Path("/api/v1/enrich")
@Tag(name = "Ticketing")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TECHNICIAN, Roles.SEARCH})
public class EnrichResource {

    private final EnrichService service;

    EnrichResource(EnrichService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A ticket's likely failure mode, similar past records with what was done, a suggested fix"
            + " from those records (cited), and the asset's current risk: {\"text\":..,\"asset\":..,\"site\":..}")
    public EnrichView enrich(EnrichRequest request) {
        return service.enrich(request);
    }
}
