package dev.faultline.web;

import dev.faultline.admin.AdminService;
import dev.faultline.admin.ApiKeyRequest;
import dev.faultline.admin.NewApiKey;
import dev.faultline.admin.UserRequest;
import dev.faultline.admin.UserView;
import dev.faultline.admin.AuditFilters;
import dev.faultline.audit.AuditService;
import dev.faultline.record.RecordConfig;
import dev.faultline.error.ProblemException;
import dev.faultline.record.ListParams;
import dev.faultline.record.Page;
import dev.faultline.security.ApiKeyRepository;
import dev.faultline.security.CsrfGuard;
import dev.faultline.security.CurrentUser;
import dev.faultline.security.Roles;
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

/** Admin pages: users, API keys (a new key is shown once) and the audit log. */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class AdminPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance users(List<UserView> users, List<String> roles, String error);

        static native TemplateInstance keys(
                List<ApiKeyRepository.KeyRow> keys, List<String> scopes, NewApiKey created, String error);

        static native TemplateInstance audit(Page<AuditService.Entry> page, AuditForm form, List<String> actions);
    }

    /** The audit filters as typed, to refill the form and build paging links. */
    public record AuditForm(String actor, String action, String from, String to) {
        public String query(int offset) {
            return RecordsPage.Filters.link("/admin/audit", new String[][] {{"actor", actor}, {"action", action},
                    {"from", from}, {"to", to}, {"offset", String.valueOf(offset)}});
        }
    }

    private final AdminService admin;
    private final AuditService audit;
    private final CurrentUser user;
    private final CsrfGuard csrf;

    private final RecordConfig records;
    private final UiLanguage lang;

    AdminPage(AdminService admin, AuditService audit, CurrentUser user, CsrfGuard csrf, RecordConfig records,
            UiLanguage lang) {
        this.records = records;
        this.lang = lang;
        this.admin = admin;
        this.audit = audit;
        this.user = user;
        this.csrf = csrf;
    }

    @GET
    @Path("/users")
    public TemplateInstance users() {
        return Templates.users(admin.users(), Roles.USER_ROLES, null);
    }

    @POST
    @Path("/users")
    public Response createUser(@RestForm(CsrfGuard.FORM_FIELD) String token, @RestForm String username,
            @RestForm String displayName, @RestForm String role, @RestForm String password) {
        csrf.check(user.identity(), token);
        try {
            admin.createUser(new UserRequest(username, displayName, role, password, false), user.name());
            return redirect("/admin/users", words().userCreated(username));
        } catch (ProblemException e) {
            return Response.status(e.status()).entity(Templates.users(admin.users(), Roles.USER_ROLES, lang.problem(e)))
                    .build();
        }
    }

    @POST
    @Path("/users/{id}")
    public Response updateUser(@PathParam("id") long id, @RestForm(CsrfGuard.FORM_FIELD) String token,
            @RestForm String role, @RestForm String disabled, @RestForm String password) {
        csrf.check(user.identity(), token);
        try {
            String newPassword = password == null || password.isEmpty() ? null : password;
            admin.updateUser(id, new UserRequest(null, null, role, newPassword, "on".equals(disabled)), user.name());
            return redirect("/admin/users", words().userUpdated());
        } catch (ProblemException e) {
            return Response.status(e.status()).entity(Templates.users(admin.users(), Roles.USER_ROLES, lang.problem(e)))
                    .build();
        }
    }

    @GET
    @Path("/api-keys")
    public TemplateInstance keys() {
        return Templates.keys(admin.keys(), Roles.SCOPES, null, null);
    }

    @POST
    @Path("/api-keys")
    public Response createKey(@RestForm(CsrfGuard.FORM_FIELD) String token, @RestForm String name,
            @RestForm List<String> scopes) {
        csrf.check(user.identity(), token);
        try {
            NewApiKey created = admin.createKey(new ApiKeyRequest(name, scopes), user.name());
            // shown on this answer only; never stored in clear or shown again
            return Response.ok(Templates.keys(admin.keys(), Roles.SCOPES, created, null))
                    .header("Cache-Control", "no-store").build();
        } catch (ProblemException e) {
            return Response.status(e.status()).entity(Templates.keys(admin.keys(), Roles.SCOPES, null, lang.problem(e)))
                    .build();
        }
    }

    @POST
    @Path("/api-keys/{id}/revoke")
    public Response revokeKey(@PathParam("id") long id, @RestForm(CsrfGuard.FORM_FIELD) String token) {
        csrf.check(user.identity(), token);
        admin.revokeKey(id, user.name());
        return redirect("/admin/api-keys", words().keyRevoked());
    }

    @GET
    @Path("/audit")
    public TemplateInstance audit(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("offset") Integer offset) {
        var filter = AuditFilters.of(actor, action, from, to, records.defaultZone());
        return Templates.audit(audit.entries(filter, 100, ListParams.offset(offset)),
                new AuditForm(actor, action, from, to), audit.actions());
    }

    private AdminMessages words() {
        return lang.bundle(AdminMessages.class);
    }

    private static Response redirect(String path, String message) {
        return Response.seeOther(URI.create(path)).cookie(Flash.set(message)).build();
    }
}
