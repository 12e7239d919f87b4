package dev.faultline.ticketing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.error.FieldError;
import dev.faultline.error.ProblemException;
import dev.faultline.ingest.AssetInput;
import dev.faultline.ingest.IngestService;
import dev.faultline.ingest.RecordBatchRequest;
import dev.faultline.ingest.RecordInput;
import dev.faultline.record.RecordService;
import dev.faultline.record.RecordView;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A ticket event in: checked against the integration's secret (nothing is read before), mapped to a work-order
 * record keyed by (integration, ticket key), written through the ingest service (so it is indexed and announced
 * like any record). A replay changes nothing; an event older than the record's last update is ignored.
 */
@ApplicationScoped
public class TicketEventService {

    /** The signature headers an event may carry. */
    public record Proof(String hubSignature, String signature, String sharedSecret) {}

    private final IntegrationRepository integrations;
    private final IngestService ingest;
    private final RecordService records;
    private final ObjectMapper json;

    TicketEventService(IntegrationRepository integrations, IngestService ingest, RecordService records,
            ObjectMapper json) {
        this.integrations = integrations;
        this.ingest = ingest;
        this.records = records;
        this.json = json;
    }

    public TicketEventResult receive(String name, byte[] body, Proof proof) {
        var stored = integrations.find(name).orElse(null);
        if (stored == null || !Signatures.valid(stored.secret(), body, proof.hubSignature(), proof.signature(),
                proof.sharedSecret())) {
            // the same answer for an unknown integration and a bad signature: nothing to learn from it
            throw new ProblemException(401, "Unauthorized", "The event's signature does not match", List.of());
        }
        JsonNode payload;
        try {
            payload = json.readTree(body);
        } catch (IOException e) {
            throw ProblemException.badRequest(FieldError.of("body", "is not JSON"));
        }
        if (payload == null || !payload.isObject()) {
            throw ProblemException.badRequest(FieldError.of("body", "must be a JSON object"));
        }
        IntegrationView i = stored.view();
        Ticket t = Ticket.read(payload, Mappings.of(i.kind(), i.mapping()));
        // events of one ticket often come together (an update and a comment): compared and written one at a time
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            integrations.lockTicket(name, t.key());
            var existing = records.record(name, t.key());
            if (existing.isPresent() && older(t.updated(), existing.get().fields().get("ticket_updated"))) {
                return new TicketEventResult("stale", t.key(), existing.get().id());
            }
            var result = write(i, t, existing.orElse(null));
            return new TicketEventResult(result.status().name(), t.key(), result.id());
        });
    }

    /** Writes the record; a value the record check refuses is named by where the ticket had it. */
    private dev.faultline.ingest.UpsertResult write(IntegrationView i, Ticket t, RecordView existing) {
        try {
            return ingest.ingest(new RecordBatchRequest(List.of(input(i, t, existing))), "integration:" + i.name())
                    .results().getFirst();
        } catch (ProblemException e) {
            Map<String, String> where = Mappings.of(i.kind(), i.mapping());
            Map<String, String> parts = Map.of("occurredAt", "created", "text", "description", "title", "title",
                    "externalId", "key", "asset.id", "asset", "asset.site", "site");
            throw new ProblemException(e.status(), e.title(), e.getMessage(), e.errors().stream()
                    .map(f -> {
                        String part = parts.get(f.field().replaceFirst("^records\\[0\\]\\.", ""));
                        return part == null ? f : FieldError.of(where.get(part).replaceFirst("^/", "").replace('/', '.'),
                                f.reason());
                    }).toList());
        }
    }

    private static RecordInput input(IntegrationView i, Ticket t, RecordView existing) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("ticket_key", t.key());
        put(fields, "ticket_url", link(i, t.key()));
        put(fields, "ticket_updated", t.updated());
        put(fields, "resolution", t.resolution());
        // a comment event carries the newest comment; other events keep the one the record has
        put(fields, "last_comment", t.comment() != null ? t.comment()
                : existing == null ? null : existing.fields().get("last_comment"));
        String text = t.description() != null ? t.description() : t.title();
        AssetInput asset = t.asset() == null ? null : new AssetInput(t.asset(), null, null, t.site(), null);
        return new RecordInput(i.name(), t.key(), "work_order", asset, t.created(), null,
                t.title() == null ? null : t.title().length() > 500 ? t.title().substring(0, 500) : t.title(), text,
                fields, null, List.of("ticket"));
    }

    private static void put(Map<String, String> fields, String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }

    private static String link(IntegrationView i, String key) {
        if (i.baseUrl() == null) {
            return null;
        }
        String base = i.baseUrl().replaceFirst("/+$", "");
        String k = java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8);
        return switch (i.kind()) {
            case "jira" -> base + "/browse/" + k;
            case "servicenow" -> base + "/nav_to.do?uri=task.do?sysparm_query=number=" + k;
            default -> base + "/" + k;
        };
    }

    /** Whether the event's update time is before the stored one (unknown or unreadable times never are). */
    static boolean older(String incoming, String stored) {
        if (incoming == null || stored == null) {
            return false;
        }
        try {
            return OffsetDateTime.parse(incoming).isBefore(OffsetDateTime.parse(stored));
        } catch (DateTimeParseException e) {
            return incoming.compareTo(stored) < 0;
        }
    }
}
