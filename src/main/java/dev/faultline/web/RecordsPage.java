package dev.faultline.web;

import dev.faultline.classify.ClassifierService;
import dev.faultline.classify.CorrectionView;
import dev.faultline.error.ProblemException;
import dev.faultline.index.IndexService;
import dev.faultline.index.IndexStatus;
import dev.faultline.record.ListParams;
import dev.faultline.record.Page;
import dev.faultline.record.RecordConfig;
import dev.faultline.record.RecordFilter;
import dev.faultline.record.RecordKind;
import dev.faultline.record.RecordQuery;
import dev.faultline.record.RecordService;
import dev.faultline.record.RecordView;
import dev.faultline.search.SearchService;
import dev.faultline.search.SearchView;
import dev.faultline.security.CsrfGuard;
import dev.faultline.security.CurrentUser;
import dev.faultline.security.Roles;
import dev.faultline.summarize.SummaryService;
import dev.faultline.summarize.SummaryView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/** The records list (with filters and paging) and the record detail page. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.TECHNICIAN)
public class RecordsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page<RecordView> page, Filters filters, RecordKind[] kinds);

        static native TemplateInstance detail(RecordView record, List<SearchView.Hit> similar,
                List<String> faultClasses, List<CorrectionView> corrections, SummaryView summary,
                IndexStatus.Failure indexFailure);
    }

    /** The filter values as typed, to refill the form and build paging links. */
    public record Filters(String q, String asset, String site, String kind, String source, String from, String to,
            String sort, String faultClass) {

        public String query(int offset) {
            StringBuilder q = new StringBuilder("?offset=").append(offset);
            append(q, "q", this.q);
            append(q, "sort", sort);
            append(q, "asset", asset);
            append(q, "site", site);
            append(q, "kind", kind);
            append(q, "source", source);
            append(q, "from", from);
            append(q, "to", to);
            append(q, "faultClass", faultClass);
            return q.toString();
        }

        /** {@code path?name=value&...} with the blank values left out, URL-encoded. */
        static String link(String path, String[][] params) {
            StringBuilder q = new StringBuilder(path).append("?");
            for (String[] p : params) {
                append(q, p[0], p[1]);
            }
            return q.toString().replace("?&", "?");
        }

        private static void append(StringBuilder q, String name, String value) {
            if (value != null && !value.isBlank()) {
                q.append('&').append(name).append('=')
                        .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    private final RecordService service;
    private final RecordConfig config;
    private final SearchService search;
    private final ClassifierService classifier;
    private final CurrentUser user;
    private final CsrfGuard csrf;
    private final SummaryService summaries;
    private final IndexService index;
    private final UiLanguage lang;

    RecordsPage(RecordService service, RecordConfig config, SearchService search, ClassifierService classifier,
            CurrentUser user, CsrfGuard csrf, SummaryService summaries, IndexService index, UiLanguage lang) {
        this.lang = lang;
        this.summaries = summaries;
        this.index = index;
        this.service = service;
        this.config = config;
        this.search = search;
        this.classifier = classifier;
        this.user = user;
        this.csrf = csrf;
    }

    @GET
    public TemplateInstance list(
            @QueryParam("q") String q,
            @QueryParam("sort") String sort,
            @QueryParam("asset") String asset,
            @QueryParam("site") String site,
            @QueryParam("kind") String kind,
            @QueryParam("source") String source,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("faultClass") String faultClass,
            @QueryParam("offset") Integer offset) {
        RecordFilter filter = ListParams.filter(asset, site, kind, source, from, to, faultClass,
                config.defaultZone());
        Page<RecordView> page = service.records(new RecordQuery(filter, ListParams.text(q), ListParams.sort(sort)),
                config.pageSize(), ListParams.offset(offset));
        return Templates.list(page, new Filters(q, asset, site, kind, source, from, to, sort,
                faultClass), RecordKind.values());
    }

    @GET
    @Path("records/{id}")
    public TemplateInstance detail(@PathParam("id") long id) {
        RecordView record = service.record(id);
        return Templates.detail(record, search.similar(id, 5), classifier.labelsFor(record.kind()),
                classifier.corrections(id), summaries.ofLongRecord(record).orElse(null),
                index.failure(id).orElse(null));
    }

    /** An engineer corrects the fault class from the record page. */
    @POST
    @Path("records/{id}/fault-class")
    @RolesAllowed(Roles.ENGINEER)
    public Response correct(@PathParam("id") long id, @RestForm(CsrfGuard.FORM_FIELD) String token,
            @RestForm String label) {
        csrf.check(user.identity(), token);
        String message;
        try {
            classifier.correct(id, label, user.name());
            message = lang.bundle(FindMessages.class).faultClassSet(label.strip());
        } catch (ProblemException e) {
            message = lang.problem(e);
        }
        return Response.seeOther(URI.create("/records/" + id + "#fault-class")).cookie(Flash.set(message)).build();
    }
}
