package dev.faultline.ingest;

import dev.faultline.security.CurrentUser;
import dev.faultline.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Writing records over REST: the contract ticketing and CMMS integrations code against. */
@Path("/api/v1/records")
@Tag(name = "Records")
@RolesAllowed({Roles.TECHNICIAN, Roles.RECORDS_WRITE})
public class IngestResource {

    private final IngestService service;
    private final CurrentUser user;

    IngestResource(IngestService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or update 1 to 1,000 records, keyed by (source, externalId)",
            description = "All-or-nothing: one invalid record answers 422 listing every invalid field and writes"
                    + " nothing. Each result says created, updated or unchanged (same content hash).")
    @APIResponse(responseCode = "200", description = "Results in input order")
    @APIResponse(responseCode = "400", description = "Unreadable JSON (problem+json naming the field)")
    @APIResponse(responseCode = "413", description = "Body larger than faultline.ingest.max-request-bytes")
    @APIResponse(responseCode = "422", description = "Invalid records (problem+json listing each field)")
    public IngestResponse upsert(RecordBatchRequest request) {
        return service.ingest(request, user.name());
    }
}
