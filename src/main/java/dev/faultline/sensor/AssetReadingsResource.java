package dev.faultline.sensor;

import dev.faultline.record.ListParams;
import dev.faultline.record.RecordConfig;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An asset's readings for a chart, down-sampled on the server. */
@Path("/api/v1/assets/{id}/readings")
@Tag(name = "Sensors")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TECHNICIAN, Roles.RECORDS_READ})
public class AssetReadingsResource {

    private final SensorService service;
    private final RecordConfig records;

    AssetReadingsResource(SensorService service, RecordConfig records) {
        this.service = service;
        this.records = records;
    }

    @GET
    @Operation(summary = "Readings of the asset's sensors over [from, to), at most `points` per sensor (min, max and"
            + " mean per bucket, so spikes stay visible); the whole recorded range when from/to are left out")
    public ReadingsView readings(@PathParam("id") String asset,
            @Parameter(description = "sensor name; repeat for several; all of the asset's when left out")
            @QueryParam("sensor") List<String> sensors,
            @Parameter(description = "ISO-8601, inclusive") @QueryParam("from") String from,
            @Parameter(description = "ISO-8601, exclusive") @QueryParam("to") String to,
            @Parameter(description = "points per sensor (default 800)") @QueryParam("points") Integer points) {
        var range = ListParams.filter(null, null, null, null, from, to, null, records.defaultZone());
        return service.readings(asset, sensors, range.from(), range.to(), points);
    }
}
