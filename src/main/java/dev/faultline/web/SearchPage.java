package dev.faultline.web;

import dev.faultline.error.ProblemException;
import dev.faultline.record.RecordConfig;
import dev.faultline.record.RecordKind;
import dev.faultline.search.SearchQuery;
import dev.faultline.search.SearchResource;
import dev.faultline.search.SearchService;
import dev.faultline.search.SearchView;
import dev.faultline.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The search page: a box, filters, facets, highlighted hits with links to the record and similar records. */
@Path("/search")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.TECHNICIAN)
public class SearchPage {

    /** What was asked, to refill the form and build links. */
    public record Asked(String q, String mode, String asset, String site, String kind, String from, String to,
            String faultClass) {

        /** This search with one filter changed (facet links). */
        public String with(String name, String value) {
            return RecordsPage.Filters.link("/search", new String[][] {{"q", q}, {"mode", mode},
                    {"asset", name.equals("asset") ? value : asset}, {"site", name.equals("site") ? value : site},
                    {"kind", name.equals("kind") ? value : kind}, {"from", from}, {"to", to},
                    {"faultClass", name.equals("faultClass") ? value : faultClass}});
        }

        public String page(int offset) {
            return with("", "") + "&offset=" + offset;
        }

        /** This search's best hits as CSV. */
        public String csv() {
            return "/api/v1/search/export.csv" + with("", "").substring("/search".length());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(Asked asked, SearchView result, int offset, int previous, int next,
                String error, RecordKind[] kinds);
    }

    private final SearchService search;
    private final RecordConfig config;
    private final UiLanguage lang;

    SearchPage(SearchService search, RecordConfig config, UiLanguage lang) {
        this.search = search;
        this.config = config;
        this.lang = lang;
    }

    @GET
    public TemplateInstance page(@QueryParam("q") String q, @QueryParam("mode") String mode,
            @QueryParam("asset") String asset, @QueryParam("site") String site, @QueryParam("kind") String kind,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("faultClass") String faultClass,
            @QueryParam("offset") Integer offset) {
        Asked asked = new Asked(q, mode, asset, site, kind, from, to, faultClass);
        if (q == null || q.isBlank()) {
            return Templates.search(asked, null, 0, 0, 0, null, RecordKind.values());
        }
        try {
            SearchQuery query = SearchResource.query(q, mode, asset, site, kind, null, from, to, faultClass, 20, offset,
                    config);
            return Templates.search(asked, search.search(query), query.offset(),
                    Math.max(0, query.offset() - query.limit()), next(query), null, RecordKind.values());
        } catch (ProblemException e) {
            return Templates.search(asked, null, 0, 0, 0, lang.problem(e), RecordKind.values());
        }
    }

    /** The next page's offset; past the deepest page search answers there is none (the template shows no link). */
    private static int next(SearchQuery query) {
        int next = query.offset() + query.limit();
        return next <= SearchResource.MAX_OFFSET ? next : Integer.MAX_VALUE;
    }
}
