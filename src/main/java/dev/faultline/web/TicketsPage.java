package dev.faultline.web;

import dev.faultline.error.ProblemException;
import dev.faultline.security.CsrfGuard;
import dev.faultline.security.CurrentUser;
import dev.faultline.security.Roles;
import dev.faultline.ticketing.CreatedTicket;
import dev.faultline.ticketing.TicketRequest;
import dev.faultline.ticketing.TicketService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.RestForm;

/** "Create ticket" buttons (record page, search results, at-risk list): raise it and say what happened. */
@Path("/tickets")
@RolesAllowed(Roles.TECHNICIAN)
public class TicketsPage {

    private final TicketService tickets;
    private final CurrentUser user;
    private final CsrfGuard csrf;
    private final UiLanguage lang;

    TicketsPage(TicketService tickets, CurrentUser user, CsrfGuard csrf, UiLanguage lang) {
        this.tickets = tickets;
        this.user = user;
        this.csrf = csrf;
        this.lang = lang;
    }

    @POST
    public Response raise(@RestForm(CsrfGuard.FORM_FIELD) String token, @RestForm Long recordId,
            @RestForm String asset, @RestForm String system, @RestForm String back) {
        csrf.check(user.identity(), token);
        String target = back != null ? LoginPage.safeNext(back) : recordId != null ? "/records/" + recordId : "/at-risk";
        AdminMessages words = lang.bundle(AdminMessages.class);
        String message;
        try {
            CreatedTicket t = tickets.raise(new TicketRequest(recordId, asset, system), user.name());
            message = words.ticketCreated(t.key(), t.system().equals("jira") ? "Jira" : "ServiceNow");
        } catch (ProblemException e) {
            message = words.ticketFailed(lang.problem(e));
        }
        return Response.seeOther(URI.create(target)).cookie(Flash.set(message)).build();
    }
}
