package dev.faultline.web;

import dev.faultline.digest.DigestFilters;
import dev.faultline.digest.SubscriptionService;
import dev.faultline.record.RecordConfig;
import dev.faultline.record.RecordKind;
import dev.faultline.security.Roles;
import dev.faultline.trend.TrendQuery;
import dev.faultline.trend.TrendService;
import dev.faultline.trend.TrendView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * "Trends": records per week by failure mode, Pareto charts of failure modes and assets, and the mean time between
 * failures, each with its table and CSV; and the printable report of a period.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.TECHNICIAN)
public class TrendsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance trends(TrendView view, TrendView assets, String query, List<RecordKind> kinds,
                List<String> sites, List<String> assetIds, List<String> selectedKinds, java.time.LocalDate reportFrom);
    }

    private final TrendService trends;
    private final SubscriptionService digests;
    private final RecordConfig config;
    private final UiLanguage language;

    TrendsPage(TrendService trends, SubscriptionService digests, RecordConfig config, UiLanguage language) {
        this.language = language;
        this.trends = trends;
        this.digests = digests;
        this.config = config;
    }

    @GET
    @Path("trends")
    public TemplateInstance trends(@jakarta.ws.rs.core.Context UriInfo uri, @QueryParam("interval") String interval,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("site") List<String> sites,
            @QueryParam("asset") List<String> assets, @QueryParam("assetType") List<String> assetTypes,
            @QueryParam("kind") List<String> kinds) {
        List<String> k = kinds.stream().filter(s -> !s.isBlank()).toList();
        TrendQuery byClass = TrendQuery.parse("faultClass", interval, from, to, null, sites, assets, assetTypes, k,
                config.defaultZone());
        TrendView view = trends.trends(byClass);
        TrendView byAsset = trends.trends(new TrendQuery(dev.faultline.record.StatsView.By.asset, view.interval(),
                view.from(), view.to(), byClass.zone(), byClass.sites(), byClass.assets(), byClass.assetTypes(),
                byClass.kinds()), false);
        String query = "interval=" + view.interval() + "&from=" + view.from() + "&to=" + view.to()
                + repeat("site", byClass.sites()) + repeat("asset", byClass.assets())
                + repeat("assetType", byClass.assetTypes()) + repeat("kind", byClass.kinds());
        return Templates.trends(view, byAsset, query, List.of(RecordKind.values()), byClass.sites(),
                byClass.assets(), byClass.kinds(), view.to().minusDays(28));
    }

    @GET
    @Path("reports/period")
    public String report(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("zone") String zone, @QueryParam("site") List<String> sites,
            @QueryParam("asset") List<String> assets, @QueryParam("assetType") List<String> assetTypes,
            @QueryParam("kind") List<String> kinds) {
        TrendQuery q = TrendQuery.parse(null, null, null, null, zone, sites, assets, assetTypes,
                kinds.stream().filter(s -> !s.isBlank()).toList(), config.defaultZone());
        return digests.report(new DigestFilters(q.sites(), q.assets(), q.assetTypes(), q.kinds(), List.of()), from,
                to, q.zone(), language.code());
    }

    private static String repeat(String name, List<String> values) {
        StringBuilder sb = new StringBuilder();
        values.forEach(v -> sb.append('&').append(name).append('=').append(Formats.query(v)));
        return sb.toString();
    }
}
