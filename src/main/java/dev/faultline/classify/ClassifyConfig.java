package dev.faultline.classify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** Fault classification ({@code faultline.classify.*}). */
@ConfigMapping(prefix = "faultline.classify")
public interface ClassifyConfig {

    /** The failure-mode taxonomy: {@code classpath:...} or a file path; tab-separated label, ISO code, description. */
    @WithDefault("classpath:classify/iso14224-fmc.tsv")
    String taxonomy();

    /**
     * Labelled examples every model is trained on besides engineers' corrections: files of {@code text,label}
     * lines ({@code classpath:} or paths). The default is FMC-MWO2KG train + dev (never its test split), half of
     * the team's Chinese records (data/zh-plant, the odd-numbered ones; the even ones are the evaluation's) and half
     * of the demo's Open Repair records whose fault type maps to a failure mode (data/ords-fault-quests, ids ending
     * in an odd number).
     */
    @WithDefault("classpath:classify/fmc-mwo2kg/train.txt,classpath:classify/fmc-mwo2kg/dev.txt,"
            + "classpath:classify/zh-plant/train-modes.txt,classpath:classify/openrepair/train-modes.txt")
    List<String> trainingData();

    /**
     * The defect classes of quality reports ({@code POST /api/v1/classify} with {@code kind=quality_report}):
     * label, code, description, tab-separated like {@link #taxonomy()}.
     */
    @WithDefault("classpath:classify/quality-defects.tsv")
    String defectTaxonomy();

    /**
     * Seed examples of the defect classes ({@code text,label} lines), besides descriptions and corrections: the
     * team's English seed set and half of its Chinese quality reports (data/zh-plant).
     */
    @WithDefault("classpath:classify/quality-seed.csv,classpath:classify/zh-plant/train-defects.txt")
    List<String> defectTrainingData();

    /** Below this confidence the answer is "Unknown" (the alternatives still show the guesses). */
    @WithDefault("0.4")
    double minConfidence();

    /** A prediction's answer: its top class, or "Unknown" below {@link #minConfidence()}. */
    default String label(dev.faultline.classify.head.Prediction p) {
        return p.confidence() >= minConfidence() ? p.top() : dev.faultline.classify.head.Prediction.UNKNOWN;
    }

    /** Records classified per transaction by the background job. */
    @WithDefault("256")
    int batchSize();

    /**
     * Records wait for classification while more than this many wait for embedding (a bulk import): the
     * embedding, which search needs, gets the CPU first.
     */
    @WithDefault("1000")
    int maxEmbeddingBacklog();

    /** How often an idle instance looks for records to classify and training runs to do. */
    @WithDefault("1s")
    Duration pollInterval();
}
