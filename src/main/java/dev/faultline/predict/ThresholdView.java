package dev.faultline.predict;

/**
 * When a prediction puts an asset at risk, for a site and / or asset type (null: any): RUL {@code atMost}, or
 * failure risk {@code atLeast}. The most specific row applies: site and type, then type, then site, then the
 * defaults (faultline.predict.rul-at-risk; a failure-risk model's own cross-validated threshold).
 */
public record ThresholdView(String kind, String site, String assetType, Double atMost, Double atLeast) {}
