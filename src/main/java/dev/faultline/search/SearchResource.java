package dev.faultline.search;

import dev.faultline.error.FieldError;
import dev.faultline.error.ProblemException;
import dev.faultline.record.ListParams;
import dev.faultline.record.RecordConfig;
import dev.faultline.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Hybrid search and similar records over REST. */
@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TECHNICIAN, Roles.SEARCH})
@Tag(name = "Search")
public class SearchResource {

    static final int MAX_QUERY = 2000;
    /**
     * The deepest page offset a search answers: each list reads offset + limit candidates (and a filtered vector list
     * up to 1,000 nearest vectors), so deeper pages would cost more than narrowing the search with a filter.
     */
    public static final int MAX_OFFSET = 1000;

    private final SearchService service;
    private final RecordConfig config;

    SearchResource(SearchService service, RecordConfig config) {
        this.service = service;
        this.config = config;
    }

    @GET
    @Operation(summary = "Search records: hybrid (default), semantic or keyword, with filters, facets and paging")
    public SearchView search(@QueryParam("q") String q, @QueryParam("mode") String mode,
            @QueryParam("asset") String asset, @QueryParam("site") String site, @QueryParam("kind") String kind,
            @QueryParam("source") String source, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("faultClass") String faultClass, @QueryParam("limit") Integer limit,
            @QueryParam("offset") Integer offset,
            @Parameter(description = "Near-identical records under the best-ranked one, in its duplicates (default"
                    + " true); false lists each on its own") @QueryParam("collapse") Boolean collapse) {
        return service.search(query(q, mode, asset, site, kind, source, from, to, faultClass, limit, offset, config)
                .withCollapse(collapse == null || collapse));
    }

    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    @Operation(summary = "The best hits of a search as CSV (at most faultline.records.max-page-size, best first)")
    public jakarta.ws.rs.core.Response export(@QueryParam("q") String q, @QueryParam("mode") String mode,
            @QueryParam("asset") String asset, @QueryParam("site") String site, @QueryParam("kind") String kind,
            @QueryParam("source") String source, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("faultClass") String faultClass) {
        SearchView found = service.search(query(q, mode, asset, site, kind, source, from, to, faultClass,
                config.maxPageSize(), 0, config).withCollapse(false));
        return jakarta.ws.rs.core.Response.ok((jakarta.ws.rs.core.StreamingOutput) out -> {
            try (dev.faultline.record.RecordCsv csv = new dev.faultline.record.RecordCsv(out)) {
                found.items().forEach(h -> csv.write(h.record(), h.score()));
            }
        }).header("Content-Disposition", "attachment; filename=\"search.csv\"").build();
    }

    @GET
    @Path("/rerank-features")
    @Operation(summary = "The reranker's features of a hybrid search's best results, as listed before it: training"
            + " data for bench/rerank-train.sh")
    public RerankFeaturesView rerankFeatures(@QueryParam("q") String q, @QueryParam("asset") String asset,
            @QueryParam("site") String site, @QueryParam("kind") String kind, @QueryParam("source") String source,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("faultClass") String faultClass) {
        SearchQuery query = query(q, "hybrid", asset, site, kind, source, from, to, faultClass, null, null, config);
        return new RerankFeaturesView(RerankFeatures.NAMES, service.rerankFeatures(query));
    }

    /** The feature names, and each candidate with its values in that order. */
    public record RerankFeaturesView(List<String> features, List<SearchService.RerankRow> items) {}

    /** Checks the parameters; a bad one is a 400 naming it. Shared with the search page. */
    public static SearchQuery query(String q, String mode, String asset, String site, String kind, String source,
            String from, String to, String faultClass, Integer limit, Integer offset, RecordConfig config) {
        if (q == null || q.isBlank()) {
            throw ProblemException.badRequest(FieldError.of("q", "is required: what to search for"));
        }
        if (q.length() > MAX_QUERY) {
            throw ProblemException.badRequest(FieldError.of("q", "is " + q.length() + " characters; at most " + MAX_QUERY));
        }
        SearchQuery.Mode m;
        try {
            m = mode == null || mode.isBlank() ? SearchQuery.Mode.hybrid : SearchQuery.Mode.valueOf(mode.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(FieldError.of("mode", "'" + mode + "': use hybrid, semantic or keyword"));
        }
        int skip = ListParams.offset(offset);
        if (skip > MAX_OFFSET) {
            throw ProblemException.badRequest(FieldError.of("offset", "is " + skip + "; at most " + MAX_OFFSET
                    + " for a search: narrow it with filters instead"));
        }
        return new SearchQuery(q.strip(), m, ListParams.filter(asset, site, kind, source, from, to,
                faultClass, config.defaultZone()), ListParams.limit(limit == null ? 20 : limit, config), skip);
    }
}
