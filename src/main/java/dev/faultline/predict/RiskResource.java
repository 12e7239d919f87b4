package dev.faultline.predict;

import dev.faultline.error.FieldError;
import dev.faultline.error.ProblemException;
import dev.faultline.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The fleet by risk, and the thresholds that decide "at risk". */
@Path("/api/v1")
@Tag(name = "Predictions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TECHNICIAN, Roles.RECORDS_READ})
public class RiskResource {

    private final PredictionService predictions;
    private final PredictorService predictors;

    RiskResource(PredictionService predictions, PredictorService predictors) {
        this.predictions = predictions;
        this.predictors = predictors;
    }

    @GET
    @Path("/at-risk")
    @Operation(summary = "Assets by their latest prediction of one kind, most urgent first",
            description = "kind=rul (lowest remaining life first) or failure_risk (highest first); all=true lists"
                    + " every predicted asset, not only those at risk")
    public List<AtRiskEntry> atRisk(@QueryParam("kind") String kind, @QueryParam("all") boolean all) {
        String k = kind == null ? PredictorView.RUL : kind;
        if (!k.equals(PredictorView.RUL) && !k.equals(PredictorView.FAILURE_RISK)) {
            throw ProblemException.badRequest(FieldError.of("kind", "must be 'rul' or 'failure_risk'"));
        }
        return predictions.ranked(k, !all);
    }

    @GET
    @Path("/risk-thresholds")
    @Operation(summary = "The thresholds per site and asset type (the defaults apply where none matches)")
    public List<ThresholdView> thresholds() {
        return predictors.thresholds();
    }

    @PUT
    @Path("/risk-thresholds")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ENGINEER, Roles.SENSORS_WRITE})
    @Operation(summary = "Set a threshold: {\"kind\":\"rul\",\"assetType\":\"turbofan\",\"site\":null,\"atMost\":40}"
            + " or {\"kind\":\"failure_risk\",..,\"atLeast\":0.3}")
    public ThresholdView put(ThresholdView threshold) {
        return predictors.putThreshold(threshold);
    }

    @DELETE
    @Path("/risk-thresholds")
    @RolesAllowed({Roles.ENGINEER, Roles.SENSORS_WRITE})
    @Operation(summary = "Remove the threshold of this kind, site and asset type")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "204", description = "Removed")
    public Response delete(@QueryParam("kind") String kind, @QueryParam("site") String site,
            @QueryParam("assetType") String assetType) {
        if (!predictors.deleteThreshold(kind, site, assetType)) {
            throw ProblemException.notFound("Risk threshold", kind + " / " + site + " / " + assetType);
        }
        return Response.noContent().build();
    }
}
