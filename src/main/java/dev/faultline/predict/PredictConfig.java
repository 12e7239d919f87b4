package dev.faultline.predict;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** Sensor models and predictions ({@code faultline.predict.*}). */
@ConfigMapping(prefix = "faultline.predict")
public interface PredictConfig {

    /** How often the background job looks for training runs and assets due a prediction. */
    @WithDefault("2s")
    String pollInterval();

    /** New readings make their asset due this long after the last batch (a stream of batches waits). */
    @WithDefault("5s")
    Duration debounce();

    /** ... but never longer than this after the first batch that queued it. */
    @WithDefault("60s")
    Duration maxWait();

    /** Every asset bound to a model is predicted again this often (a prediction is only stored when it is new). */
    @WithDefault("1h")
    String refresh();

    /** RUL at or below this (in the model's unit, steps) puts an asset at risk unless a threshold row says else. */
    @WithDefault("30")
    double rulAtRisk();

    /**
     * A snapshot counts as failed when a failure record of its asset falls within this long after it (failure-risk
     * models learn from these labels).
     */
    @WithDefault("1h")
    Duration failureWindow();

    /** Failure types that are random by definition (AI4I's RNF): counted as failures, but not learned as a mode. */
    @WithDefault("RNF")
    List<String> unpredictableTypes();

    /** A failure type needs at least this many failed snapshots to get its own model. */
    @WithDefault("10")
    int minFailuresPerType();
}
