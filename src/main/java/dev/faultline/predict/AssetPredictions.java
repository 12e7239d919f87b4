package dev.faultline.predict;

import java.util.List;

/** {@code GET /api/v1/assets/{id}/predictions}: the latest prediction of each model bound to the asset. */
public record AssetPredictions(String asset, boolean atRisk, List<PredictionView> predictions) {}
