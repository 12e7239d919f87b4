package dev.faultline.web;

import dev.faultline.feedback.FeedbackService;
import dev.faultline.feedback.FeedbackSummary;
import dev.faultline.feedback.FeedbackView;
import dev.faultline.search.RankingTraining;
import dev.faultline.search.RankingView;
import dev.faultline.search.SearchConfig;
import dev.faultline.security.CsrfGuard;
import dev.faultline.security.CurrentUser;
import dev.faultline.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Admin → Quality: how useful people find search results and answers, the queries they judged not useful, and the
 * search ranking trained on those judgements.
 */
@Path("/admin/quality")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class QualityPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance quality(FeedbackSummary summary, List<FeedbackView> notUseful,
                RankingView ranking);
    }

    private final FeedbackService feedback;
    private final RankingTraining ranking;
    private final CurrentUser user;
    private final CsrfGuard csrf;
    private final UiLanguage lang;
    private final SearchConfig search;

    QualityPage(FeedbackService feedback, RankingTraining ranking, CurrentUser user, CsrfGuard csrf, UiLanguage lang,
            SearchConfig search) {
        this.search = search;
        this.feedback = feedback;
        this.ranking = ranking;
        this.user = user;
        this.csrf = csrf;
        this.lang = lang;
    }

    @GET
    public TemplateInstance page() {
        return Templates.quality(feedback.summary(), feedback.latest(false, 50), ranking.view());
    }

    @POST
    @Path("/ranking/train")
    public Response train(@RestForm(CsrfGuard.FORM_FIELD) String token) {
        csrf.check(user.identity(), token);
        RankingView.Outcome o = ranking.train(user.name());
        PlantMessages words = lang.bundle(PlantMessages.class);
        RankingView.Training t = o.training();
        return redirect(switch (o.outcome()) {
            case "adopted" -> words.rankingAdopted(t.searches(), Formats.percent(t.trainedAccuracy()),
                    Formats.percent(best(t)));
            case "not-better" -> words.rankingNotBetter(t.searches(), Formats.percent(t.trainedAccuracy()),
                    Formats.percent(best(t)));
            default -> words.rankingTooFew(search.rerank().minSearches());
        });
    }

    @POST
    @Path("/ranking/configured")
    public Response useConfigured(@RestForm(CsrfGuard.FORM_FIELD) String token) {
        csrf.check(user.identity(), token);
        ranking.useConfigured(user.name());
        return redirect(lang.bundle(PlantMessages.class).rankingReset());
    }

    /** The better of the two orders the trained model had to beat. */
    private static double best(RankingView.Training t) {
        return t.shippedAccuracy() == null ? t.listedAccuracy() : Math.max(t.listedAccuracy(), t.shippedAccuracy());
    }

    private static Response redirect(String message) {
        return Response.seeOther(URI.create("/admin/quality")).cookie(Flash.set(message)).build();
    }
}
