package dev.faultline.webhook;

import java.util.List;

/** The events an endpoint can subscribe to. */
public final class EventTypes {

    public static final String RECORD_CREATED = "record.created";
    public static final String RECORD_CLASSIFIED = "record.classified";
    public static final String PREDICTION_AT_RISK = "prediction.at_risk";
    public static final String IMPORT_FINISHED = "import.finished";
    public static final String DIGEST_SENT = "digest.sent";
    /** Sent by {@code POST /api/v1/webhooks/{id}/test} to that endpoint only. */
    public static final String TEST = "webhook.test";

    public static final List<String> ALL = List.of(RECORD_CREATED, RECORD_CLASSIFIED, PREDICTION_AT_RISK,
            IMPORT_FINISHED, DIGEST_SENT);

    private EventTypes() {}
}
