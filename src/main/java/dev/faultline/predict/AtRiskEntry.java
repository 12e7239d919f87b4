package dev.faultline.predict;

import dev.faultline.record.AssetView;

/** One asset on the "at risk" list: the asset and its latest prediction of that kind. */
public record AtRiskEntry(AssetView.Ref asset, PredictionView prediction) {}
