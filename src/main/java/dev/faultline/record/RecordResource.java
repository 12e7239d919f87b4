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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reading records over REST. Writing is {@code POST /api/v1/records} in the ingest feature. */
@Path("/api/v1/records")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Records")
@RolesAllowed({Roles.TECHNICIAN, Roles.RECORDS_READ})
public class RecordResource {

    private final RecordService service;
    private final RecordConfig config;

    RecordResource(RecordService service, RecordConfig config) {
        this.service = service;
        this.config = config;
    }

    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    @Operation(summary = "The whole record list with the same filters, words and order as CSV, streamed (no paging)")
    public jakarta.ws.rs.core.Response export(@QueryParam("asset") String asset, @QueryParam("site") String site,
            @QueryParam("kind") String kind, @QueryParam("source") String source, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("faultClass") String faultClass, @QueryParam("q") String q,
            @QueryParam("sort") String sort) {
        RecordQuery query = new RecordQuery(ListParams.filter(asset, site, kind, source, from, to, faultClass,
                config.defaultZone()), ListParams.text(q), ListParams.sort(sort));
        return jakarta.ws.rs.core.Response.ok((jakarta.ws.rs.core.StreamingOutput) out -> service.export(query, out))
                .header("Content-Disposition", "attachment; filename=\"records.csv\"").build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One record with its fields and asset")
    public RecordView get(@PathParam("id") long id) {
        return service.record(id);
    }

    @GET
    @Operation(summary = "Records with filters, words to look for, an order (newest first by default) and paging")
    public Page<RecordView> list(
            @Parameter(description = "asset id") @QueryParam("asset") String asset,
            @Parameter(description = "site the record was written at: its row's asset.site, else its asset's site then")
            @QueryParam("site") String site,
            @Parameter(description = "maintenance_log, work_order, inspection_note, quality_report or incident_report")
                    @QueryParam("kind")
                    String kind,
            @Parameter(description = "source system") @QueryParam("source") String source,
            @Parameter(description = "occurred at or after (ISO-8601)") @QueryParam("from") String from,
            @Parameter(description = "occurred before (ISO-8601)") @QueryParam("to") String to,
            @Parameter(description = "fault class (failure mode), e.g. Leaking") @QueryParam("faultClass")
                    String faultClass,
            @Parameter(description = "words every listed record contains (full text, any form of the word)")
            @QueryParam("q") String q,
            @Parameter(description = "newest (default), oldest, or asset (by asset id, then newest)")
            @QueryParam("sort") String sort,
            @QueryParam("limit") Integer limit,
            @QueryParam("offset") Integer offset) {
        RecordFilter filter = ListParams.filter(asset, site, kind, source, from, to, faultClass,
                config.defaultZone());
        return service.records(new RecordQuery(filter, ListParams.text(q), ListParams.sort(sort)),
                ListParams.limit(limit, config), ListParams.offset(offset));
    }
}
