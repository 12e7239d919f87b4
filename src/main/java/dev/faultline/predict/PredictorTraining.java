package dev.faultline.predict;

import dev.faultline.record.AssetView;
import dev.faultline.record.RecordService;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Works off training runs one at a time: reads the bound assets' readings and failure records, trains the
 * predictor's kind, stores a new version, and queues every bound asset for a prediction by it.
 */
@ApplicationScoped
class PredictorTraining {

    private static final Logger LOG = Logger.getLogger(PredictorTraining.class);

    private final RunRepository runs;
    private final PredictorRepository predictors;
    private final PredictionRepository predictions;
    private final RecordService records;
    private final RulTrainer rul;
    private final RiskTrainer risk;

    PredictorTraining(RunRepository runs, PredictorRepository predictors, PredictionRepository predictions,
            RecordService records, RulTrainer rul, RiskTrainer risk) {
        this.runs = runs;
        this.predictors = predictors;
        this.predictions = predictions;
        this.records = records;
        this.rul = rul;
        this.risk = risk;
    }

    void onStart(@Observes StartupEvent event) {
        int n = runs.requeueInterrupted();
        if (n > 0) {
            LOG.infof("%d interrupted sensor-model training run(s) queued again", n);
        }
    }

    /** Runs the oldest queued training, if any; answers whether there was one. */
    boolean runNext() {
        return runs.startNext().map(run -> {
            try {
                long version = train(run);
                runs.finish(run.id(), version, null);
            } catch (RuntimeException e) {
                LOG.errorf(e, "sensor-model training run %d (%s) failed", run.id(), run.predictor());
                runs.finish(run.id(), null, e.getMessage() == null ? e.toString() : e.getMessage());
            }
            return true;
        }).orElse(false);
    }

    private long train(RunView run) {
        PredictorView p = predictors.find(run.predictor()).orElseThrow(
                () -> new IllegalStateException("predictor " + run.predictor() + " no longer exists"));
        List<AssetView.Ref> assets = records.assetsOfType(p.assetType(), p.site(), p.assets());
        var failures = records.failures(assets.stream().map(AssetView.Ref::id).toList());
        Trained t = (p.kind().equals(PredictorView.RUL) ? rul.train(p, assets, failures, progress(run))
                : risk.train(p, assets, failures, progress(run)));
        Trained numbered = new Trained(t.predictor(), predictors.nextVersion(p.name()), t.dataFrom(), t.dataTo(),
                t.assets(), t.rows(), t.features(), t.params(), t.metrics(), t.threshold(), t.parts());
        long id = predictors.saveVersion(numbered);
        predictions.queue(assets.stream().map(AssetView.Ref::id).toList(), Duration.ZERO, Duration.ZERO);
        LOG.infof("%s v%d trained on %d assets, %d rows: %s", p.name(), numbered.version(), t.assets(), t.rows(),
                t.metrics());
        return id;
    }

    private java.util.function.BiConsumer<Double, String> progress(RunView run) {
        long[] last = {0};
        return (fraction, stage) -> {
            long now = System.nanoTime();
            if (now - last[0] > 500_000_000L) { // at most twice a second
                last[0] = now;
                runs.progress(run.id(), Math.min(0.99, fraction), stage);
            }
        };
    }
}
