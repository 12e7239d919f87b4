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
    private final dev.faultline.predict.PredictionService predictions;

    SummaryResource(SummaryService service, dev.faultline.predict.PredictionService predictions) {
        this.service = service;
        this.predictions = predictions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Summarise one record, a list of record ids, or the records a filter matches",
            description = "Extractive by default (repeated problems grouped with counts, dates and assets kept); "
                    + "rewritten by the configured LLM server when there is one. Cached by inputs and generator."
                    + " A summary of one asset also lists the asset's latest sensor-model predictions (predictions,"
                    + " apart from the summary text).")
    @APIResponse(responseCode = "422", description = "Not exactly one of recordId, recordIds, filter; unknown ids")
    public SummaryView summarize(SummaryRequest request) {
        SummaryView view = service.summarize(request);
        String asset = request == null || request.filter() == null ? null : request.filter().asset();
        if (asset == null || asset.isBlank()) {
            return view;
        }
        try {
            return view.withPredictions(predictions.latest(asset.strip()).predictions());
        } catch (RuntimeException e) {
            return view; // an unknown asset matched no records: nothing to add
        }
    }
}
