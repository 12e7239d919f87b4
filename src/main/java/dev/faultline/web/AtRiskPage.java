package dev.faultline.web;

import dev.faultline.predict.AtRiskEntry;
import dev.faultline.predict.PredictionService;
import dev.faultline.predict.PredictorView;
import dev.faultline.record.RecordService;
import dev.faultline.record.TimelineEntry;
import dev.faultline.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * "Assets at risk": the fleet by its latest predictions, lowest remaining life and highest failure risk first,
 * each with its latest records and a search for similar past failures.
 */
@Path("/at-risk")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.TECHNICIAN)
public class AtRiskPage {

    /** Rows per list: the most urgent; the API lists every asset. */
    static final int ROWS = 25;

    /** One asset on the page: its prediction, its latest records, and what to search for past failures like it. */
    public record Row(AtRiskEntry entry, List<TimelineEntry> latest, String similar) {}

    /** One list: a kind of model, its heading, how many assets it puts at risk, and its rows. */
    public record Section(String kind, String title, String order, long atRisk, List<Row> rows) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Section> sections, long atRisk, boolean all);
    }

    private final PredictionService predictions;
    private final RecordService records;
    private final UiLanguage lang;

    AtRiskPage(PredictionService predictions, RecordService records, UiLanguage lang) {
        this.predictions = predictions;
        this.records = records;
        this.lang = lang;
    }

    @GET
    public TemplateInstance list(@QueryParam("all") boolean all) {
        List<AtRiskEntry> rul = predictions.ranked(PredictorView.RUL, false);
        List<AtRiskEntry> risk = predictions.ranked(PredictorView.FAILURE_RISK, false);
        long rulAtRisk = rul.stream().filter(e -> e.prediction().atRisk()).count();
        long riskAtRisk = risk.stream().filter(e -> e.prediction().atRisk()).count();
        PlantMessages m = lang.bundle(PlantMessages.class);
        return Templates.list(List.of(
                new Section(PredictorView.RUL, m.remainingUsefulLife(), m.lowestFirst(), rulAtRisk, rows(rul, all)),
                new Section(PredictorView.FAILURE_RISK, m.failureRisk(), m.highestFirst(), riskAtRisk,
                        rows(risk, all))),
                rulAtRisk + riskAtRisk, all);
    }

    private List<Row> rows(List<AtRiskEntry> entries, boolean all) {
        return entries.stream().filter(e -> all || e.prediction().atRisk()).limit(ROWS)
                .map(e -> new Row(e, records.timeline(records.asset(e.asset().id()), 2, 0).items(), similar(e)))
                .toList();
    }

    /** Past failures like this one: failure records of the same type of asset, by the failure type if known. */
    private static String similar(AtRiskEntry e) {
        String type = e.asset().type() == null ? "" : e.asset().type() + " ";
        String failure = e.prediction().failureType() != null ? e.prediction().failureType() + " failure"
                : "failure removed end of life";
        return "/search?q=" + java.net.URLEncoder.encode(type + failure, java.nio.charset.StandardCharsets.UTF_8);
    }
}
