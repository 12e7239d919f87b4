package dev.faultline.web;

import dev.faultline.summarize.SummaryRequest;
import dev.faultline.summarize.SummaryService;
import dev.faultline.summarize.SummaryView;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import dev.faultline.record.AssetView;
import dev.faultline.record.ListParams;
import dev.faultline.record.Page;
import dev.faultline.record.RecordConfig;
import dev.faultline.record.RecordFilter;
import dev.faultline.record.RecordService;
import dev.faultline.record.RecordView;
import dev.faultline.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The assets list and an asset's page with its records as a timeline. */
@Path("/assets")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.TECHNICIAN)
public class AssetsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page<AssetView> page, String q, String site);

        static native TemplateInstance asset(AssetView asset, Page<RecordView> records, SummaryView recent,
                String recentSpan);
    }

    private final RecordService service;
    private final RecordConfig config;
    private final SummaryService summaries;

    AssetsPage(RecordService service, RecordConfig config, SummaryService summaries) {
        this.service = service;
        this.config = config;
        this.summaries = summaries;
    }

    @GET
    public TemplateInstance list(
            @QueryParam("q") String q, @QueryParam("site") String site, @QueryParam("offset") Integer offset) {
        Page<AssetView> page = service.assets(site, q, config.pageSize(), ListParams.offset(offset));
        return Templates.list(page, q, site);
    }

    @GET
    @Path("/{id}")
    public TemplateInstance asset(@PathParam("id") String id, @QueryParam("offset") Integer offset) {
        AssetView asset = service.asset(id);
        RecordFilter filter = new RecordFilter(id, null, null, null, null, null, null);
        Page<RecordView> records = service.records(filter, config.pageSize(), ListParams.offset(offset));
        // the last 30 days up to today, or up to the newest record when the asset has been quiet since
        OffsetDateTime newest = records.items().isEmpty() ? null : service.records(filter, 1, 0).items().getFirst()
                .occurredAt();
        if (newest == null) {
            return Templates.asset(asset, records, null, null);
        }
        LocalDate end = newest.toLocalDate().isBefore(LocalDate.now()) ? newest.toLocalDate() : LocalDate.now();
        LocalDate start = end.minusDays(30);
        SummaryView recent = summaries.summarize(new SummaryRequest(null, null, new SummaryRequest.Filter(id, null,
                null, null, start.toString(), end.plusDays(1).toString(), null)));
        return Templates.asset(asset, records, recent, start + " to " + end);
    }
}
