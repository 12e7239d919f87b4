package dev.faultline.index;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code GET /api/v1/index/status}: records waiting (parked ones not counted), records embedded with the current
 * model, the model and where it runs, this instance's rate over the last minute and the time left at that rate
 * (null while idle), and the records the indexer gave up on for now, with their errors.
 */
public record IndexStatus(long pending, long indexed, String model, String provider, Double recordsPerSecond,
        Long secondsLeft, long parked, List<Failure> parkedRecords) {

    /** A record the indexer could not embed: its attempts, last error, and when it was parked or is tried next. */
    public record Failure(long recordId, int attempts, String lastError, OffsetDateTime parkedAt,
            OffsetDateTime nextAttemptAt) {}
}
