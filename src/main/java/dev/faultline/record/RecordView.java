package dev.faultline.record;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A record as {@code GET /api/v1/records/{id}} returns it. */
public record RecordView(
        long id,
        String source,
        String externalId,
        String kind,
        AssetView.Ref asset,
        OffsetDateTime occurredAt,
        String author,
        String title,
        String text,
        Map<String, String> fields,
        String language,
        List<String> tags,
        String faultClass,
        FaultClassView classification,
        String contentHash,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** Which record, in which version: enough to tell whether something computed from it is still current. */
    public record Fingerprint(long id, String contentHash) {}

    public Fingerprint fingerprint() {
        return new Fingerprint(id, contentHash);
    }

    /** The text and the field values it does not already contain (the action taken, findings), as sentences. */
    public String textWithFields() {
        StringBuilder sb = new StringBuilder(text);
        fields.values().stream().filter(v -> v != null && !v.isBlank() && !text.contains(v))
                .forEach(v -> sb.append(sb.toString().matches("(?s).*[.!?;]\\s*$") ? " " : ". ").append(v.strip()));
        return sb.toString();
    }
}
