package dev.faultline.predict;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * One trained version of a predictor: the training data (time range, assets, rows), the features and
 * hyper-parameters used, the metrics measured, and the decision threshold (failure risk).
 */
public record VersionView(long id, String predictor, int version, OffsetDateTime dataFrom, OffsetDateTime dataTo,
        int assets, int rows, JsonNode features, JsonNode params, JsonNode metrics, Double threshold,
        OffsetDateTime createdAt) {

    /** The label shown beside a prediction: {@code rul-fd001 v3}. */
    public String label() {
        return predictor + " v" + version;
    }
}
