package dev.faultline.trend;

import dev.faultline.error.ProblemException;
import dev.faultline.record.RecordConfig;
import dev.faultline.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Trends, Pareto and mean time between failures as JSON, and each table as CSV. */
@Path("/api/v1/trends")
@Tag(name = "Trends")
@RolesAllowed({Roles.TECHNICIAN, Roles.RECORDS_READ})
public class TrendResource {

    private final TrendService trends;
    private final RecordConfig config;

    TrendResource(TrendService trends, RecordConfig config) {
        this.trends = trends;
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Records per day, week or month by fault class or asset, their Pareto, and the mean time"
            + " between failures per asset and fault class")
    public TrendView trends(@Parameter(description = "faultClass (default) or asset") @QueryParam("by") String by,
            @Parameter(description = "day, week (default) or month") @QueryParam("interval") String interval,
            @Parameter(description = "first day (default: a year of weeks, 30 days, or 2 years of months before 'to')")
            @QueryParam("from") String from,
            @Parameter(description = "day after the last (default: the day after the newest matching record)")
            @QueryParam("to") String to,
            @Parameter(description = "time zone of the days (default faultline.records.default-zone)")
            @QueryParam("zone") String zone,
            @QueryParam("site") List<String> sites, @QueryParam("asset") List<String> assets,
            @QueryParam("assetType") List<String> assetTypes, @QueryParam("kind") List<String> kinds) {
        return trends.trends(TrendQuery.parse(by, interval, from, to, zone, sites, assets, assetTypes, kinds,
                config.defaultZone()));
    }

    @GET
    @Path("/{table}.csv")
    @Produces("text/csv")
    @Operation(summary = "One table of the trends as CSV: series, pareto or mtbf (same parameters)")
    public Response csv(@PathParam("table") String table, @QueryParam("by") String by,
            @QueryParam("interval") String interval, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("zone") String zone, @QueryParam("site") List<String> sites,
            @QueryParam("asset") List<String> assets, @QueryParam("assetType") List<String> assetTypes,
            @QueryParam("kind") List<String> kinds) {
        if (!TrendCsv.TABLES.contains(table)) {
            throw ProblemException.notFound("Trend table", table + " (use series, pareto or mtbf)");
        }
        TrendView view = trends(by, interval, from, to, zone, sites, assets, assetTypes, kinds);
        return Response.ok((jakarta.ws.rs.core.StreamingOutput) out -> TrendCsv.write(view, table, out))
                .header("Content-Disposition", "attachment; filename=\"trends-" + table + "-" + view.from() + "-"
                        + view.to() + ".csv\"")
                .build();
    }
}
