package dev.faultline.search;

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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Similar past records. Its own root path: JAX-RS picks one root resource per request, so this cannot live under
 * another class's {@code /api/v1} while {@code /api/v1/records} exists.
 */
@Path("/api/v1/records/{id}/similar")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TECHNICIAN, Roles.SEARCH})
@Tag(name = "Search")
public class SimilarResource {

    private final SearchService service;
    private final RecordConfig config;

    SimilarResource(SearchService service, RecordConfig config) {
        this.service = service;
        this.config = config;
    }

    @GET
    @Operation(summary = "The nearest past records to this one (recurring problems), with cosine similarity")
    public List<SearchView.Hit> similar(@PathParam("id") long id, @QueryParam("limit") Integer limit) {
        return service.similar(id, ListParams.limit(limit == null ? 5 : limit, config));
    }
}
