package dev.faultline.web;

import dev.faultline.predict.PredictionService;
import dev.faultline.predict.PredictionView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code inject:risk.of(assetId)} in templates: the asset's current prediction (an at-risk one first), read once
 * per asset and request, so search results and record pages can show the asset's risk beside its name.
 */
@Named("risk")
@RequestScoped
public class RiskBadges {

    private final PredictionService predictions;
    private final Map<String, PredictionView> seen = new HashMap<>();

    RiskBadges(PredictionService predictions) {
        this.predictions = predictions;
    }

    public PredictionView of(String asset) {
        if (asset == null) {
            return null;
        }
        return seen.computeIfAbsent(asset, a -> {
            try {
                return predictions.current(a).orElse(null);
            } catch (RuntimeException e) {
                return null; // a badge never breaks the page it is on
            }
        });
    }
}
