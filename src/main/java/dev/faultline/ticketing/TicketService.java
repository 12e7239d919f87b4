package dev.faultline.ticketing;

import dev.faultline.audit.AuditService;
import dev.faultline.error.FieldError;
import dev.faultline.error.ProblemException;
import dev.faultline.predict.PredictionService;
import dev.faultline.predict.PredictionView;
import dev.faultline.record.RecordService;
import dev.faultline.record.RecordView;
import dev.faultline.search.SearchService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * "Create ticket": a ticket in the plant's ticketing system from a record (its text, failure mode and similar past
 * records with what was done) or from an asset's at-risk prediction; the key is kept and shown with the record.
 */
@ApplicationScoped
public class TicketService {

    private final TicketSystems systems;
    private final CreatedTicketRepository created;
    private final RecordService records;
    private final SearchService search;
    private final PredictionService predictions;
    private final AuditService audit;
    private final String publicUrl;

    TicketService(TicketSystems systems, CreatedTicketRepository created, RecordService records,
            SearchService search, PredictionService predictions, AuditService audit,
            @ConfigProperty(name = "faultline.digest.public-url") String publicUrl) {
        this.systems = systems;
        this.created = created;
        this.records = records;
        this.search = search;
        this.predictions = predictions;
        this.audit = audit;
        this.publicUrl = publicUrl.replaceFirst("/+$", "");
    }

    /** The systems tickets can be raised in (empty: the button is not shown). */
    public List<String> systems() {
        return systems.configured();
    }

    public CreatedTicket raise(TicketRequest r, String actor) {
        List<String> configured = systems.configured();
        if (configured.isEmpty()) {
            throw new ProblemException(409, "Conflict", "No ticketing system is configured"
                    + " (faultline.tickets.jira.base-url or faultline.tickets.servicenow.base-url)", List.of());
        }
        if (r == null || (r.recordId() == null) == (r.asset() == null || r.asset().isBlank())) {
            throw ProblemException.invalid(List.of(FieldError.of("recordId", "give a recordId or an asset, not both")));
        }
        String system = r.system() == null || r.system().isBlank() ? configured.getFirst() : r.system().strip();
        if (!configured.contains(system)) {
            throw ProblemException.invalid(List.of(FieldError.of("system", "'" + r.system() + "' is not configured;"
                    + " configured: " + configured)));
        }
        TicketDraft draft = r.recordId() != null ? fromRecord(records.record(r.recordId())) : fromAsset(r.asset().strip());
        CreatedTicket t = created.insert(system, systems.raise(system, draft), draft.recordId(), draft.asset(), actor);
        audit.record(actor, "ticket.created", "ticket", t.key(), Map.of("system", system, "record",
                String.valueOf(t.recordId()), "asset", String.valueOf(t.asset())));
        return t;
    }

    public List<CreatedTicket> forRecord(long recordId) {
        return created.forRecord(recordId);
    }

    private TicketDraft fromRecord(RecordView r) {
        String asset = r.asset() == null ? null : r.asset().id();
        String head = r.title() != null ? r.title() : r.text();
        String summary = "[Faultline] " + (asset == null ? "" : asset + ": ") + (head.length() > 120
                ? head.substring(0, 120) + "…" : head);
        List<String> p = new ArrayList<>();
        p.add("Record #" + r.id() + " (" + r.kind() + ", " + r.occurredAt() + (asset == null ? "" : ", asset " + asset)
                + "): " + r.textWithFields());
        if (r.faultClass() != null) {
            p.add("Failure mode: " + r.faultClass());
        }
        var similar = search.similar(r.id(), 3);
        if (!similar.isEmpty()) {
            p.add("Similar past records and what was done:");
            similar.forEach(h -> p.add("#" + h.record().id() + " " + h.record().occurredAt() + ": " + h.record().text()
                    + (EnrichService.action(h.record()) == null ? "" : " → " + EnrichService.action(h.record()))
                    + " (" + publicUrl + "/records/" + h.record().id() + ")"));
        }
        p.add("Opened from Faultline: " + publicUrl + "/records/" + r.id());
        return new TicketDraft(summary, p, asset, r.id());
    }

    private TicketDraft fromAsset(String asset) {
        PredictionView v = predictions.current(asset).orElseThrow(() -> ProblemException.invalid(List.of(
                FieldError.of("asset", "'" + asset + "' has no sensor-model prediction"))));
        List<String> p = new ArrayList<>();
        p.add("Prediction of " + v.model() + " v" + v.version() + " for readings up to " + v.asOf() + ": "
                + v.headline() + ". " + v.reason() + ". A prediction, not an observation.");
        if (!v.topFeatures().isEmpty()) {
            p.add("What moved it most: " + String.join(", ", v.topFeatures().stream().limit(3)
                    .map(c -> c.feature() + " " + c.signed()).toList()));
        }
        p.add("Opened from Faultline: " + publicUrl + "/assets/" + asset);
        return new TicketDraft("[Faultline] " + asset + " at risk: " + v.headline(), p, asset, null);
    }
}
