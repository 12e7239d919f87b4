package dev.faultline.ticketing;

import dev.faultline.predict.PredictionView;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What Faultline adds to a ticket: its likely failure mode, the most similar past records with what was done about
 * them, a suggested fix taken from those records' actions (each with the records it comes from), and the asset's
 * current sensor-model prediction when there is one.
 */
public record EnrichView(FaultClass faultClass, List<Similar> similar, Fix suggestedFix, PredictionView risk) {

    public record FaultClass(String label, double confidence, String model) {}

    /** A past record: where it is, when, its text and its action or resolution (null when it has none). */
    public record Similar(long recordId, String href, String asset, OffsetDateTime occurredAt, String text,
            String action, double score) {}

    /** An action from the similar records, as written, with the records that took it (best match first). */
    public record Fix(String action, List<Long> citations, String basis) {}
}
