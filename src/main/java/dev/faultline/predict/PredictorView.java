package dev.faultline.predict;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A predictor: a kind of model ({@code rul} or {@code failure_risk}) bound to the assets of one type, optionally
 * of one site or a list of assets; {@code sensors} null means chosen at training. {@code latest} is its newest
 * version, null before the first training.
 */
public record PredictorView(String name, String kind, String assetType, String site, List<String> assets,
        List<String> sensors, String description, OffsetDateTime createdAt, VersionView latest) {

    public static final String RUL = "rul";
    public static final String FAILURE_RISK = "failure_risk";

    PredictorView withLatest(VersionView version) {
        return new PredictorView(name, kind, assetType, site, assets, sensors, description, createdAt, version);
    }
}
