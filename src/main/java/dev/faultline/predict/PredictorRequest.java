package dev.faultline.predict;

import java.util.List;

/**
 * {@code PUT /api/v1/predictors/{name}}: the kind ({@code rul} or {@code failure_risk}), the asset type it binds
 * to, optionally a site and a list of asset ids that narrow the binding, the sensors it reads (left out: chosen
 * at training) and a description.
 */
public record PredictorRequest(String kind, String assetType, String site, List<String> assets,
        List<String> sensors, String description) {}
