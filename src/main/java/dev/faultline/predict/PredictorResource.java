package dev.faultline.predict;

import dev.faultline.security.CurrentUser;
import dev.faultline.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sensor models: define a predictor, train it in the background, read its versions. */
@Path("/api/v1/predictors")
@Tag(name = "Predictions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TECHNICIAN, Roles.RECORDS_READ})
public class PredictorResource {

    private final PredictorService service;
    private final CurrentUser user;

    PredictorResource(PredictorService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @GET
    @Operation(summary = "Every predictor with its latest version (training data, features, parameters, metrics)")
    public List<PredictorView> list() {
        return service.all();
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "One predictor with its latest version")
    public PredictorView get(@PathParam("name") String name) {
        return service.get(name);
    }

    @PUT
    @Path("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ENGINEER, Roles.SENSORS_WRITE})
    @Operation(summary = "Define or change a predictor: {\"kind\":\"rul\"|\"failure_risk\",\"assetType\":..,"
            + "\"site\":..,\"assets\":[..],\"sensors\":[..]}",
            description = "Binds the model to the assets of one type (narrowed by site or a list of ids). RUL learns"
                    + " from run-to-failure histories, failure risk from snapshots; both take records tagged"
                    + " 'failure' as their labels (fields.failure_type names the mode). Train it with POST .../training.")
    public PredictorView put(@PathParam("name") String name, PredictorRequest request) {
        return service.put(name, request);
    }

    @GET
    @Path("/{name}/versions")
    @Operation(summary = "Every trained version, newest first")
    public List<VersionView> versions(@PathParam("name") String name) {
        return service.versions(name);
    }

    @POST
    @Path("/{name}/training")
    @RolesAllowed({Roles.ENGINEER, Roles.SENSORS_WRITE})
    @Operation(summary = "Train a new version in the background (202, with the run to follow)")
    public Response train(@PathParam("name") String name) {
        RunView run = service.train(name, user.name());
        return Response.accepted(run).header("Location", "/api/v1/predictors/" + name + "/training/" + run.id())
                .build();
    }

    @GET
    @Path("/{name}/training")
    @Operation(summary = "The predictor's recent training runs, newest first")
    public List<RunView> runs(@PathParam("name") String name) {
        return service.runs(name);
    }

    @GET
    @Path("/{name}/training/{id}")
    @Operation(summary = "One training run: state, progress, stage, the version it made or why it failed")
    public RunView run(@PathParam("name") String name, @PathParam("id") long id) {
        return service.run(id);
    }
}
