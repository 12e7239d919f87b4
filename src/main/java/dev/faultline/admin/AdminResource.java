package dev.faultline.admin;

import dev.faultline.audit.AuditService;
import dev.faultline.record.ListParams;
import dev.faultline.record.RecordConfig;
import dev.faultline.record.Page;
import dev.faultline.security.ApiKeyRepository;
import dev.faultline.security.CurrentUser;
import dev.faultline.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Users, API keys and the audit log, for admins (a signed-in admin; API keys cannot do this). */
@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Admin")
public class AdminResource {

    private final AdminService service;
    private final AuditService audit;
    private final CurrentUser user;

    private final RecordConfig records;

    AdminResource(AdminService service, AuditService audit, CurrentUser user, RecordConfig records) {
        this.records = records;
        this.service = service;
        this.audit = audit;
        this.user = user;
    }

    @GET
    @Path("/users")
    public List<UserView> users() {
        return service.users();
    }

    @POST
    @Path("/users")
    @Operation(summary = "Create a user (role technician, engineer or admin; password at least 12 characters)")
    public Response createUser(UserRequest request) {
        return Response.status(201).entity(service.createUser(request, user.name())).build();
    }

    @PUT
    @Path("/users/{id}")
    @Operation(summary = "Change a user's role, name, disabled flag or password")
    public UserView updateUser(@PathParam("id") long id, UserRequest request) {
        return service.updateUser(id, request, user.name());
    }

    @GET
    @Path("/api-keys")
    public List<ApiKeyRepository.KeyRow> keys() {
        return service.keys();
    }

    @POST
    @Path("/api-keys")
    @Operation(summary = "Create an API key; the answer is the only time the key is shown")
    public Response createKey(ApiKeyRequest request) {
        return Response.status(201).entity(service.createKey(request, user.name())).build();
    }

    @DELETE
    @Path("/api-keys/{id}")
    @Operation(summary = "Revoke an API key (it stops working at once)")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "204", description = "Removed")
    public Response revokeKey(@PathParam("id") long id) {
        service.revokeKey(id, user.name());
        return Response.noContent().build();
    }

    @GET
    @Path("/audit")
    @Operation(summary = "The audit log, newest first; filters: who (actor), action, time range (from, to)")
    public Page<AuditService.Entry> audit(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("limit") Integer limit, @QueryParam("offset") Integer offset) {
        return audit.entries(AuditFilters.of(actor, action, from, to, records.defaultZone()),
                limit == null ? 100 : Math.max(1, Math.min(limit, 500)), ListParams.offset(offset));
    }
}
