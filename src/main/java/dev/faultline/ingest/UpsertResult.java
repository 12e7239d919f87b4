package dev.faultline.ingest;

/** What happened to one record of a batch: {@code created}, {@code updated} or {@code unchanged}. */
public record UpsertResult(long id, String source, String externalId, Status status) {

    /** Lower-case in JSON. */
    public enum Status {
        created,
        updated,
        unchanged
    }
}
