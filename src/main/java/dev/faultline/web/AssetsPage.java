package dev.faultline.web;

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

        static native TemplateInstance asset(AssetView asset, Page<RecordView> records);
    }

    private final RecordService service;
    private final RecordConfig config;

    AssetsPage(RecordService service, RecordConfig config) {
        this.service = service;
        this.config = config;
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
        return Templates.asset(asset, service.records(filter, config.pageSize(), ListParams.offset(offset)));
    }
}
