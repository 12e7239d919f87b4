package dev.faultline.feedback;

import dev.faultline.security.CurrentUser;
import dev.faultline.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Feedback on search results and answers. */
@Path("/api/v1/feedback")
@Tag(name = "Search")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TECHNICIAN, Roles.SEARCH, Roles.ASK})
public class FeedbackResource {

    private final FeedbackService feedback;
    private final CurrentUser user;

    FeedbackResource(FeedbackService feedback, CurrentUser user) {
        this.feedback = feedback;
        this.user = user;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Judge a search result ({\"kind\":\"search\",\"query\":..,\"recordId\":..,\"useful\":true}) or an"
            + " answer ({\"kind\":\"answer\",\"query\":<the question>,\"useful\":false}); judging again replaces it")
    public Response judge(FeedbackRequest request) {
        return Response.status(201).entity(feedback.judge(request, user.name())).build();
    }

    @GET
    @Path("/summary")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Judgements and the share found useful, for search and answers, all time and last 30 days")
    public FeedbackSummary summary() {
        return feedback.summary();
    }

    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Every judgement as CSV: judged queries to add to the evaluation")
    public Response export() {
        return Response.ok((jakarta.ws.rs.core.StreamingOutput) feedback::export)
                .header("Content-Disposition", "attachment; filename=\"feedback.csv\"").build();
    }
}
