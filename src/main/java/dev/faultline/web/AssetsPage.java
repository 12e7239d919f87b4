package dev.faultline.web;

import dev.faultline.predict.AssetPredictions;
import dev.faultline.predict.PredictionService;
import dev.faultline.predict.PredictorService;
import dev.faultline.summarize.SummaryRequest;
import dev.faultline.summarize.SummaryService;
import dev.faultline.summarize.SummaryView;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import dev.faultline.record.AssetView;
import dev.faultline.record.ListParams;
import dev.faultline.record.Page;
import dev.faultline.record.RecordConfig;
import dev.faultline.record.RecordService;
import dev.faultline.record.TimelineEntry;
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

        static native TemplateInstance asset(AssetView asset, Page<TimelineEntry> records, SummaryView recent,
                Span span, AssetPredictions predictions, java.util.Map<String, String> models);

        static native TemplateInstance asset$summary(SummaryView recent, Span span);
    }

    /** The 30 days the asset page summarizes, and where the page fetches a summary not made yet. */
    public record Span(LocalDate start, LocalDate end, String source) {
        @Override
        public String toString() {
            return start + " to " + end;
        }
    }

    /** Timeline entries per page: a screen or two on a tablet; the summary above gives the overview. */
    static final int TIMELINE_PAGE = 25;

    private final RecordService service;
    private final RecordConfig config;
    private final SummaryService summaries;
    private final PredictionService predictions;
    private final PredictorService predictors;

    AssetsPage(RecordService service, RecordConfig config, SummaryService summaries, PredictionService predictions,
            PredictorService predictors) {
        this.service = service;
        this.config = config;
        this.summaries = summaries;
        this.predictions = predictions;
        this.predictors = predictors;
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
        Page<TimelineEntry> records = service.timeline(asset, TIMELINE_PAGE, ListParams.offset(offset));
        // the newest record: the first of the first page, read again only on the later pages
        Span span = span(id, records.items().isEmpty() ? null : records.offset() == 0
                ? records.items().getFirst().occurredAt()
                : service.timeline(asset, 1, 0).items().getFirst().occurredAt());
        // a page view never makes a summary: it shows the one made for these records, or fetches it separately
        SummaryView recent = span == null ? null : summaries.cached(request(id, span)).orElse(null);
        AssetPredictions latest = predictions.latest(id);
        java.util.Map<String, String> models = new java.util.HashMap<>();
        if (!latest.predictions().isEmpty()) {
            predictors.all().forEach(p -> models.put(p.name(), p.description() == null ? "" : p.description()));
        }
        return Templates.asset(asset, records, recent, span, latest, models);
    }

    /** The summary of the asset's last 30 days (made once per set of records), as a fragment of its page. */
    @GET
    @Path("/{id}/summary")
    public TemplateInstance summary(@PathParam("id") String id, @QueryParam("from") String from) {
        service.asset(id);
        LocalDate start = ListParams.date("from", from);
        Span span = new Span(start, start.plusDays(30), null);
        SummaryRequest request = request(id, span);
        return Templates.asset$summary(summaries.cached(request).orElseGet(() -> summaries.summarize(request)), span);
    }

    /** The last 30 days up to today, or up to the newest record when the asset has been quiet since. */
    private static Span span(String id, OffsetDateTime newest) {
        if (newest == null) {
            return null;
        }
        LocalDate end = newest.toLocalDate().isBefore(LocalDate.now()) ? newest.toLocalDate() : LocalDate.now();
        LocalDate start = end.minusDays(30);
        return new Span(start, end, "/assets/" + Formats.pathSegment(id) + "/summary?from=" + start);
    }

    private static SummaryRequest request(String id, Span span) {
        return new SummaryRequest(null, null, new SummaryRequest.Filter(id, null, null, null, span.start().toString(),
                span.end().plusDays(1).toString(), null));
    }
}
