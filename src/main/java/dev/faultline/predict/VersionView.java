package dev.faultline.predict;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * One trained version of a predictor: the training data (time range, assets, rows), the features and
 * hyper-parameters used, the metrics measured, and the decision threshold (failure risk).
 */
public record VersionView(long id, String predictor, int version, OffsetDateTime dataFrom, OffsetDateTime dataTo,
        int assets, int rows,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = String[].class, description = "feature names") JsonNode features,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = java.util.Map.class, description = "XGBoost parameters") JsonNode params,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = java.util.Map.class, description = "evaluation figures") JsonNode metrics,
        Double threshold,
        OffsetDateTime createdAt) {

    /** The label shown beside a prediction: {@code rul-fd001 v3}. */
    public String label() {
        return predictor + " v" + version;
    }
}
