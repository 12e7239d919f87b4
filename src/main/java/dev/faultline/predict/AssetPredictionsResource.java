package dev.faultline.predict;

import dev.faultline.error.FieldError;
import dev.faultline.error.ProblemException;
import dev.faultline.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An asset's predictions: the latest of each model, and one model's history. */
@Path("/api/v1/assets/{id}/predictions")
@Tag(name = "Predictions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TECHNICIAN, Roles.RECORDS_READ})
public class AssetPredictionsResource {

    private final PredictionService service;

    AssetPredictionsResource(PredictionService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "The latest prediction of each model bound to the asset, with its top features and risk state")
    public AssetPredictions latest(@PathParam("id") String asset) {
        return service.latest(asset);
    }

    @GET
    @Path("/history")
    @Operation(summary = "One model's predictions for the asset over time, oldest first (the newest 'limit')")
    public List<PredictionView> history(@PathParam("id") String asset, @QueryParam("model") String model,
            @QueryParam("limit") Integer limit) {
        if (model == null || model.isBlank()) {
            throw ProblemException.badRequest(FieldError.of("model", "is required: the predictor's name"));
        }
        int n = limit == null ? 500 : limit;
        if (n < 1 || n > 5000) {
            throw ProblemException.badRequest(FieldError.of("limit", "must be between 1 and 5000"));
        }
        return service.history(asset, model, n);
    }
}
