package dev.faultline.record;

import dev.faultline.security.Roles;
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

    AssetResource(RecordService service, RecordConfig config) {
        this.service = service;
        this.config = config;
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
}
