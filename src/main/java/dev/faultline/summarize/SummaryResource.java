package dev.faultline.summarize;

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

/** Summaries of a record, a list of records, or a filter (an asset, a site, a period). */
@Path("/api/v1/summaries")
@RolesAllowed({Roles.TECHNICIAN, Roles.ASK})
@Tag(name = "Summaries")
public class SummaryResource {

    private final SummaryService service;

    SummaryResource(SummaryService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Summarise one record, a list of record ids, or the records a filter matches",
            description = "Extractive by default (repeated problems grouped with counts, dates and assets kept); "
                    + "rewritten by the configured LLM server when there is one. Cached by inputs and generator.")
    @APIResponse(responseCode = "422", description = "Not exactly one of recordId, recordIds, filter; unknown ids")
    public SummaryView summarize(SummaryRequest request) {
        return service.summarize(request);
    }
}
