package dev.faultline.predict;

import dev.faultline.error.FieldError;
import dev.faultline.error.InputText;
import dev.faultline.error.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Defining predictors, training them, and the thresholds that turn their predictions into "at risk". */
@ApplicationScoped
public class PredictorService {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private final PredictorRepository predictors;
    private final RunRepository runs;
    private final ThresholdRepository thresholds;

    PredictorService(PredictorRepository predictors, RunRepository runs, ThresholdRepository thresholds) {
        this.predictors = predictors;
        this.runs = runs;
        this.thresholds = thresholds;
    }

    public PredictorView put(String name, PredictorRequest r) {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || !NAME.matcher(name).matches()) {
            errors.add(FieldError.of("name", "must be 1 to 64 of a-z, 0-9, '.', '_', '-' (starting with a letter or digit)"));
        }
        if (r == null) {
            throw ProblemException.invalid(List.of(FieldError.of("body", "is required")));
        }
        if (!PredictorView.RUL.equals(r.kind()) && !PredictorView.FAILURE_RISK.equals(r.kind())) {
            errors.add(FieldError.of("kind", "must be 'rul' or 'failure_risk'"));
        }
        text(errors, "assetType", r.assetType(), true);
        text(errors, "site", r.site(), false);
        text(errors, "description", r.description(), false);
        list(errors, "assets", r.assets());
        list(errors, "sensors", r.sensors());
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        predictors.upsert(new PredictorView(name, r.kind(), r.assetType().strip(), blankToNull(r.site()),
                r.assets(), r.sensors(), blankToNull(r.description()), null, null));
        return get(name);
    }

    public PredictorView get(String name) {
        PredictorView p = predictors.find(name).orElseThrow(() -> ProblemException.notFound("Predictor", name));
        return p.withLatest(predictors.latestVersion(name).orElse(null));
    }

    public List<PredictorView> all() {
        return predictors.all().stream().map(p -> p.withLatest(predictors.latestVersion(p.name()).orElse(null)))
                .toList();
    }

    public List<VersionView> versions(String name) {
        get(name);
        return predictors.versions(name);
    }

    /** Queues a training run (or answers the one already queued). */
    public RunView train(String name, String requestedBy) {
        get(name);
        return runs.find(runs.queue(name, requestedBy)).orElseThrow();
    }

    public RunView run(long id) {
        return runs.find(id).orElseThrow(() -> ProblemException.notFound("Training run", id));
    }

    public List<RunView> runs(String name) {
        get(name);
        return runs.recent(name, 20);
    }

    public List<ThresholdView> thresholds() {
        return thresholds.all();
    }

    public ThresholdView putThreshold(ThresholdView t) {
        List<FieldError> errors = new ArrayList<>();
        if (t == null) {
            throw ProblemException.invalid(List.of(FieldError.of("body", "is required")));
        }
        if (PredictorView.RUL.equals(t.kind())) {
            if (t.atMost() == null || !Double.isFinite(t.atMost()) || t.atMost() < 0) {
                errors.add(FieldError.of("atMost", "is required for 'rul': the RUL at or below which an asset is at risk"));
            }
            if (t.atLeast() != null) {
                errors.add(FieldError.of("atLeast", "applies to 'failure_risk' only"));
            }
        } else if (PredictorView.FAILURE_RISK.equals(t.kind())) {
            if (t.atLeast() == null || !(t.atLeast() > 0 && t.atLeast() <= 1)) {
                errors.add(FieldError.of("atLeast", "is required for 'failure_risk': a probability in (0, 1]"));
            }
            if (t.atMost() != null) {
                errors.add(FieldError.of("atMost", "applies to 'rul' only"));
            }
        } else {
            errors.add(FieldError.of("kind", "must be 'rul' or 'failure_risk'"));
        }
        text(errors, "site", t.site(), false);
        text(errors, "assetType", t.assetType(), false);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        ThresholdView clean = new ThresholdView(t.kind(), blankToNull(t.site()), blankToNull(t.assetType()),
                t.atMost(), t.atLeast());
        thresholds.put(clean);
        return clean;
    }

    public boolean deleteThreshold(String kind, String site, String assetType) {
        return thresholds.delete(kind, blankToNull(site), blankToNull(assetType)) > 0;
    }

    private static void text(List<FieldError> errors, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(FieldError.of(field, "is required"));
            }
            return;
        }
        String problem = value.length() > 200 ? "is longer than 200 characters" : InputText.problem(value, false);
        if (problem != null) {
            errors.add(FieldError.of(field, problem));
        }
    }

    private static void list(List<FieldError> errors, String field, List<String> values) {
        if (values == null) {
            return;
        }
        if (values.isEmpty() || values.size() > 1000) {
            errors.add(FieldError.of(field, "must hold 1 to 1,000 names, or be left out"));
        }
        for (int i = 0; i < values.size(); i++) {
            text(errors, field + "[" + i + "]", values.get(i), true);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
