package dev.faultline.search;

import dev.faultline.security.CurrentUser;
import dev.faultline.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The search ranking trained on this plant's feedback, for admins. */
@Path("/api/v1/admin/search-ranking")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Admin")
public class RankingResource {

    private final RankingTraining training;
    private final CurrentUser user;

    RankingResource(RankingTraining training, CurrentUser user) {
        this.training = training;
        this.user = user;
    }

    @GET
    @Operation(summary = "Which model ranks hybrid search (trained on feedback, configured, none), the training in use"
            + " and the latest, and how many judged searches there are")
    public RankingView view() {
        return training.view();
    }

    @POST
    @Path("/train")
    @Operation(summary = "Train the ranking on the thumbs given to search results; used only when, cross-validated over"
            + " the judged searches, it orders their results better than the configured model and the order before it")
    public RankingView.Outcome train() {
        return training.train(user.name());
    }

    @POST
    @Path("/configured")
    @Operation(summary = "Stop using the model trained on feedback: the configured model ranks again")
    public RankingView useConfigured() {
        return training.useConfigured(user.name());
    }
}
