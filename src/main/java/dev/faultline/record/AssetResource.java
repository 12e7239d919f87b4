package dev.faultline.record;

import dev.faultline.ingest.AssetInput;
import dev.faultline.ingest.IngestService;
import dev.faultline.security.CurrentUser;
import dev.faultline.security.Roles;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Assets over REST. Assets are created and updated by the records that name them. */
@Path("/api/v1/assets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assets")
@RolesAllowed({Roles.TECHNICIAN, Roles.RECORDS_READ})
public class AssetResource {

    private final RecordService service;
    private final RecordConfig config;
    private final IngestService ingest;
    private final CurrentUser user;

    AssetResource(RecordService service, RecordConfig config, IngestService ingest, CurrentUser user) {
        this.service = service;
        this.config = config;
        this.ingest = ingest;
        this.user = user;
    }

    @GET
    @Operation(summary = "Assets by id, with record counts; q matches the start of the id or name")
    public Page<AssetView> list(
            @QueryParam("site") String site,
            @QueryParam("q") String q,
            @QueryParam("limit") Integer limit,
            @QueryParam("offset") Integer offset) {
        return service.assets(site, q, ListParams.limit(limit, config), ListParams.offset(offset));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One asset")
    public AssetView get(@PathParam("id") String id) {
        return service.asset(id);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RECORDS_WRITE, Roles.ENGINEER})
    @Operation(summary = "Create or update one asset: {\"name\":..,\"type\":..,\"site\":..,\"line\":..}",
            description = "What is left out keeps its stored value. For assets that have readings before records, and"
                    + " for a CMMS that owns the asset register. The type binds the asset to sensor models.")
    public AssetView put(@PathParam("id") String id, AssetInput body) {
        AssetInput in = body == null ? new AssetInput(id, null, null, null, null)
                : new AssetInput(id, body.name(), body.type(), body.site(), body.line());
        ingest.upsertAsset(in, user.name());
        return service.asset(id);
    }
}
