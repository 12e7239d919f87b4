package dev.faultline.predict;

import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A newly trained version, before it is stored: its model parts (XGBoost bytes) and what to show about it. */
record Trained(String predictor, int version, OffsetDateTime dataFrom, OffsetDateTime dataTo, int assets, int rows,
        Map<String, Object> features, Map<String, Object> params, Map<String, Object> metrics, Double threshold,
        Map<String, byte[]> parts) {

    Map<String, String> encodedParts() {
        Map<String, String> out = new LinkedHashMap<>();
        parts.forEach((k, v) -> out.put(k, Base64.getEncoder().encodeToString(v)));
        return out;
    }
}
