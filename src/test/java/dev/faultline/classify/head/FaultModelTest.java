package dev.faultline.classify.head;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import dev.faultline.model.Embedder;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The classifier head on the real embedding model (a Quarkus test only to share the one native tokenizer library
 * with the other tests' class loader).
 */
@QuarkusTest
class FaultModelTest {

    @Inject
    Embedder embedder;

    List<LabelledText> examples(String... textLabel) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < textLabel.length; i += 2) {
            texts.add(textLabel[i]);
        }
        List<float[]> vectors = embedder.embed(texts, Embedder.Role.PASSAGE);
        List<LabelledText> out = new ArrayList<>();
        for (int i = 0; i < textLabel.length; i += 2) {
            out.add(new LabelledText(textLabel[i], textLabel[i + 1], vectors.get(i / 2), null, "test"));
        }
        return out;
    }

    static final List<String> LABELS = List.of("Leaking", "Overheating", "Noise");

    List<LabelledText> training() {
        return examples(
                "oil leak at pump seal", "Leaking",
                "water dripping from flange", "Leaking",
                "hydraulic hose leaking", "Leaking",
                "motor running hot", "Overheating",
                "bearing temperature high", "Overheating",
                "over heating", "Overheating",
                // the only example of Noise is its description (zero-shot from the taxonomy)
                "noise: abnormal noise, squealing, knocking, rattling, grinding sound", "Noise");
    }

    float[] vector(String text) {
        return embedder.embed(List.of(text), Embedder.Role.PASSAGE).getFirst();
    }

    @Test
    void trainingIsReproducible() {
        List<LabelledText> data = training();
        byte[] first = FaultModelCodec.write(Trainer.train(LABELS, data, 384, TrainOptions.defaults(), p -> {}));
        byte[] second = FaultModelCodec.write(Trainer.train(LABELS, data, 384, TrainOptions.defaults(), p -> {}));
        assertArrayEquals(first, second);
    }

    @Test
    void aStoredModelPredictsExactlyAsTheTrainedOne() {
        FaultModel model = Trainer.train(LABELS, training(), 384, TrainOptions.defaults(), p -> {});
        FaultModel read = FaultModelCodec.read(FaultModelCodec.write(model));
        for (String text : List.of("seal leaking", "gearbox overheating", "loud squeal", "zzz")) {
            assertEquals(model.predict(text, vector(text)), read.predict(text, vector(text)), text);
        }
    }

    @Test
    void aClassKnownOnlyByItsDescriptionIsStillPredicted() {
        FaultModel model = Trainer.train(LABELS, training(), 384, TrainOptions.defaults(), p -> {});
        Prediction p = model.predict("grinding and knocking sound from the gearbox",
                vector("grinding and knocking sound from the gearbox"));
        assertEquals("Noise", p.top(), p.toString());
        assertEquals("Leaking", model.predict("seal leaking oil", vector("seal leaking oil")).top());
    }

    @Test
    void withTwoClassesPresentEachIsPredictedForItsOwnTexts() {
        // each class is fitted against the other: two mirror-image problems
        List<LabelledText> data = examples(
                "oil leak at pump seal", "Leaking",
                "water dripping from flange", "Leaking",
                "motor running hot", "Overheating",
                "bearing temperature high", "Overheating");
        FaultModel model = Trainer.train(LABELS, data, 384, TrainOptions.defaults(), p -> {});
        assertEquals("Leaking", model.predict("hose leaking oil", vector("hose leaking oil")).top());
        assertEquals("Overheating", model.predict("gearbox too hot", vector("gearbox too hot")).top());
        double noise = model.predict("gearbox too hot", vector("gearbox too hot")).alternatives().stream()
                .filter(a -> a.label().equals("Noise")).mapToDouble(Prediction.Alternative::confidence).sum();
        assertTrue(noise < 0.05, "a class without examples is next to never chosen: " + noise);
    }

    @Test
    void eachClassAgainstTheRestIsFittedAsLiblinearFitsItsOwnMulticlassProblem() {
        // 60 rows of 6 features in 3 classes, weighted as the trainer weighs them
        java.util.Random random = new java.util.Random(7);
        Problem problem = new Problem();
        problem.l = 60;
        problem.n = 7;
        problem.bias = 1;
        problem.x = new Feature[60][];
        int[] y = new int[60];
        for (int i = 0; i < 60; i++) {
            y[i] = i % 3;
            problem.x[i] = new Feature[7];
            for (int j = 0; j < 6; j++) {
                problem.x[i][j] = new FeatureNode(j + 1, random.nextGaussian() + (j / 2 == y[i] ? 1.5 : 0));
            }
            problem.x[i][6] = new FeatureNode(7, 1);
        }
        double[] weights = {1.0, 0.5, 2.0};
        TrainOptions options = TrainOptions.defaults();
        float[][] w = new float[3][6];
        float[] bias = new float[3];
        for (int c = 0; c < 3; c++) {
            Trainer.fitOne(problem, y, c, weights[c], options, 6, w, bias);
        }
        problem.y = java.util.Arrays.stream(y).asDoubleStream().toArray();
        Parameter parameter = new Parameter(Trainer.SOLVER, options.c(), Trainer.TOLERANCE);
        parameter.setWeights(weights, new int[] {0, 1, 2});
        Model all = Linear.train(problem, parameter);
        for (int c = 0; c < 3; c++) {
            for (int j = 0; j < 6; j++) {
                assertEquals(all.getDecfunCoef(j + 1, c), w[c][j], 0.02, "class " + c + ", feature " + j);
            }
            assertEquals(all.getDecfunBias(c), bias[c], 0.02, "class " + c + "'s bias");
        }
    }

    @Test
    void aModelOfAnEarlierFormatIsRefusedNotMisread() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeInt(FaultModelCodec.FORMAT - 1);
            out.writeInt(3);
        }
        assertThrows(FaultModelCodec.UnknownFormat.class, () -> FaultModelCodec.read(bytes.toByteArray()));
    }

    @Test
    void progressIsReportedUpToDone() {
        List<Double> seen = new ArrayList<>();
        Trainer.train(LABELS, training(), 384, TrainOptions.defaults(), seen::add);
        assertEquals(1.0, seen.getLast());
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) >= seen.get(i - 1));
        }
    }

    @Test
    void temperatureSharpensAnUnderConfidentModelAndFlattensAnOverConfidentOne() {
        // three classes; the best guess says 0.5 but is right 9 times in 10: under-confident
        List<double[]> under = new ArrayList<>();
        List<double[]> over = new ArrayList<>();
        int[] truth = new int[40];
        for (int i = 0; i < 40; i++) {
            under.add(new double[] {0.5, 0.3, 0.2});
            // the best guess says 0.98 and is right 6 times in 10: over-confident
            over.add(new double[] {0.98, 0.01, 0.01});
            truth[i] = i % 10 == 0 ? 1 : i % 10 < 4 && i % 10 > 0 ? 2 : 0;
        }
        int[] overTruth = new int[40];
        for (int i = 0; i < 40; i++) {
            overTruth[i] = i % 10 < 6 ? 0 : 1;
        }
        double sharpen = Calibration.temperature(under, truth);
        double flatten = Calibration.temperature(over, overTruth);
        assertTrue(sharpen < 1, "under-confident: T " + sharpen);
        assertTrue(flatten > 1, "over-confident: T " + flatten);
        double[] q = Calibration.apply(new double[] {0.5, 0.3, 0.2}, sharpen);
        assertEquals(1, q[0] + q[1] + q[2], 1e-9);
        assertTrue(q[0] > 0.5 && q[0] > q[1] && q[1] > q[2], java.util.Arrays.toString(q));
        // a calibrated best guess says about how often it is right (0.6 here, for the over-confident one)
        assertEquals(0.6, Calibration.apply(new double[] {0.98, 0.01, 0.01}, flatten)[0], 0.05);
        // too few held-out predictions fit nothing
        assertEquals(Calibration.NONE, Calibration.temperature(under.subList(0, 5), truth));
    }

    List<LabelledText> thirtyExamples() {
        return examples(
                "oil leak at pump seal", "Leaking", "water dripping from flange", "Leaking",
                "hydraulic hose leaking", "Leaking", "fuel weeping at fitting", "Leaking",
                "gasket leaking coolant", "Leaking", "drip under gearbox", "Leaking",
                "valve packing leaks", "Leaking", "seal failed, oil on floor", "Leaking",
                "air leak at manifold", "Leaking", "leak from drain plug", "Leaking",
                "motor running hot", "Overheating", "bearing temperature high", "Overheating",
                "over heating", "Overheating", "gearbox too hot to touch", "Overheating",
                "high winding temperature alarm", "Overheating", "engine overheated", "Overheating",
                "exhaust temp high", "Overheating", "coolant temp rising", "Overheating",
                "thermal trip on fan motor", "Overheating", "smoke and heat from brake", "Overheating",
                "squealing belt", "Noise", "knocking in crankcase", "Noise",
                "grinding from bearing", "Noise", "rattle in duct", "Noise",
                "loud bang on start", "Noise", "whine from pump", "Noise",
                "clicking relay noise", "Noise", "humming transformer loud", "Noise",
                "chatter from valve", "Noise", "squeak from door hinge", "Noise");
    }

    @Test
    void aModelTrainedOnFewExamplesIsCalibratedAndKeepsItsTemperatureWhenStored() {
        FaultModel model = Trainer.train(LABELS, thirtyExamples(), 384, TrainOptions.defaults(), p -> {});
        assertTrue(model.calibration() != Calibration.NONE && model.calibration() > 0, "T " + model.calibration());
        FaultModel read = FaultModelCodec.read(FaultModelCodec.write(model));
        assertEquals(model.calibration(), read.calibration());
        for (String text : List.of("pump seal weeping oil", "bearing running hot", "whining noise")) {
            Prediction p = model.predict(text, vector(text));
            assertEquals(p, read.predict(text, vector(text)));
            // the order of the classes is the uncalibrated one
            double[] raw = model.distribution(text, vector(text));
            int best = 0;
            for (int c = 1; c < raw.length; c++) {
                best = raw[c] > raw[best] ? c : best;
            }
            assertEquals(LABELS.get(best), p.top(), text);
        }
    }

    @Test
    void aModelTrainedOnManyExamplesIsNotCalibrated() {
        List<LabelledText> thirty = thirtyExamples();
        List<LabelledText> many = new ArrayList<>();
        while (many.size() <= Trainer.CALIBRATE_UP_TO) {
            many.addAll(thirty);
        }
        assertEquals(Calibration.NONE, Trainer.train(LABELS, many, 384, TrainOptions.defaults(), p -> {}).calibration());
        assertTrue(Trainer.train(LABELS, many.subList(0, Trainer.CALIBRATE_UP_TO), 384, TrainOptions.defaults(),
                p -> {}).calibration() != Calibration.NONE);
    }

    @Test
    void metricsCountMicroAndMacroF1AndTheConfusion() {
        Metrics m = new Metrics();
        m.add("A", "A");
        m.add("A", "A");
        m.add("A", "B");
        m.add("B", "B");
        m.add("C", "Unknown");
        assertEquals(0.6, m.accuracy(), 1e-9);
        assertEquals(0.6, m.microF1(), 1e-9);
        // A: p 1, r 2/3 -> 0.8; B: p 1/2, r 1 -> 2/3; C: 0
        assertEquals((0.8 + 2.0 / 3 + 0) / 3, m.macroF1(), 1e-9);
        assertEquals(1, m.count("A", "B"));
        assertTrue(m.report().contains("confusion matrix"));
    }
}
