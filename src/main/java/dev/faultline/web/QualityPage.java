package dev.faultline.web;

import dev.faultline.feedback.FeedbackService;
import dev.faultline.feedback.FeedbackSummary;
import dev.faultline.feedback.FeedbackView;
import dev.faultline.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Admin → Quality: how useful people find search results and answers, and the queries they judged not useful. */
@Path("/admin/quality")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class QualityPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance quality(FeedbackSummary summary, List<FeedbackView> notUseful);
    }

    private final FeedbackService feedback;

    QualityPage(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @GET
    public TemplateInstance page() {
        return Templates.quality(feedback.summary(), feedback.latest(false, 50));
    }
}
