// Sensor-model evaluation (issue "Sensor data and predictions"): the app's two built-in recipes
// (dev.faultline.predict: features, XGBoost settings, threshold by cross-validation) on the reference data.
//   FD001: trained on train_FD001 (every cycle of the 100 run-to-failure engines, RUL capped at 125), evaluated
//          at the last cycle of each of the 100 test engines against RUL_FD001 (true RUL, capped at 125 as usual).
//   AI4I:  one classifier per failure type (TWF, HDF, PWF, OSF), combined as the chance that at least one
//          occurs, against the machine-failure label; a stratified 80/20 split (seed 42), and 5-fold stratified
//          cross-validation over all rows. The failure flags are targets only, never features.
// Run by scripts/eval-sensors.sh.
import dev.faultline.predict.Boosting;
import dev.faultline.predict.Evaluation;
import dev.faultline.predict.FailureFeatures;
import dev.faultline.predict.Recipes;
import dev.faultline.predict.RiskTraining;
import dev.faultline.predict.RulFeatures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

public class SensorEval {

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        rul();
        System.out.printf("(C-MAPSS: %.1f s)%n", (System.nanoTime() - t0) / 1e9);
        t0 = System.nanoTime();
        ai4i();
        System.out.printf("(AI4I: %.1f s)%n", (System.nanoTime() - t0) / 1e9);
    }

    // ---- C-MAPSS FD001 -------------------------------------------------------------------------------------
    static void rul() throws Exception {
        Recipes.Rul recipe = Recipes.rul(Recipes.CMAPSS_SENSORS);
        Map<Integer, double[][]> train = engines("data/cmapss/train_FD001.txt", recipe.sensors());
        Map<Integer, double[][]> test = engines("data/cmapss/test_FD001.txt", recipe.sensors());
        List<Float> truth = Files.readAllLines(Path.of("data/cmapss/RUL_FD001.txt")).stream()
                .filter(l -> !l.isBlank()).map(l -> Float.parseFloat(l.strip())).toList();
        List<float[]> x = new ArrayList<>();
        List<Float> y = new ArrayList<>();
        for (double[][] e : train.values()) {
            for (int t = 0; t < e.length; t++) {
                x.add(RulFeatures.at(e, t, recipe.window()));
                y.add((float) Math.min(recipe.cap(), e.length - 1 - t));
            }
        }
        long start = System.nanoTime();
        byte[] model = Boosting.train(Boosting.Matrix.of(x), toArray(y), recipe.params(), recipe.rounds());
        double seconds = (System.nanoTime() - start) / 1e9;
        List<float[]> last = new ArrayList<>();
        for (double[][] e : test.values()) {
            last.add(RulFeatures.at(e, e.length - 1, recipe.window()));
        }
        float[] predicted = Boosting.predict(model, Boosting.Matrix.of(last));
        float[] capped = new float[truth.size()];
        float[] raw = new float[truth.size()];
        for (int i = 0; i < capped.length; i++) {
            raw[i] = truth.get(i);
            capped[i] = Math.min(recipe.cap(), truth.get(i));
        }
        System.out.printf("FD001 RMSE %.2f PHM08-score %.1f%n", Evaluation.rmse(predicted, capped),
                Evaluation.phm08(predicted, raw));
        System.out.printf("  (against the uncapped true RUL: RMSE %.2f; %d training rows, %d features, trained in %.1f s,"
                + " %d rounds)%n", Evaluation.rmse(predicted, raw), x.size(), x.getFirst().length, seconds,
                recipe.rounds());
    }

    /** Engine number -> cycles x chosen sensors (columns: unit, cycle, 3 settings, sensors s1..s21). */
    static Map<Integer, double[][]> engines(String file, List<String> sensors) throws Exception {
        Map<Integer, List<double[]>> rows = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of(file))) {
            if (line.isBlank()) {
                continue;
            }
            String[] p = line.strip().split("\\s+");
            double[] v = new double[sensors.size()];
            for (int s = 0; s < sensors.size(); s++) {
                v[s] = Double.parseDouble(p[4 + Integer.parseInt(sensors.get(s).substring(1))]);
            }
            rows.computeIfAbsent(Integer.parseInt(p[0]), k -> new ArrayList<>()).add(v);
        }
        Map<Integer, double[][]> out = new TreeMap<>();
        rows.forEach((k, v) -> out.put(k, v.toArray(double[][]::new)));
        return out;
    }

    // ---- AI4I 2020 -----------------------------------------------------------------------------------------
    static void ai4i() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("data/ai4i2020/ai4i2020.csv"));
        List<float[]> x = new ArrayList<>();
        Map<String, float[]> targets = new LinkedHashMap<>();
        String[] names = {"Machine failure", "TWF", "HDF", "PWF", "OSF"};
        int[] columns = {8, 9, 10, 11, 12};
        for (String n : names) {
            targets.put(n, new float[lines.size() - 1]);
        }
        for (int i = 1; i < lines.size(); i++) {
            String[] p = lines.get(i).split(",");
            Map<String, Double> r = Map.of("quality_variant", (double) "LMH".indexOf(p[2].strip()),
                    "air_temperature", Double.parseDouble(p[3]), "process_temperature", Double.parseDouble(p[4]),
                    "rotational_speed", Double.parseDouble(p[5]), "torque", Double.parseDouble(p[6]),
                    "tool_wear", Double.parseDouble(p[7]));
            x.add(FailureFeatures.of(r));
            for (int t = 0; t < names.length; t++) {
                targets.get(names[t])[i - 1] = Float.parseFloat(p[columns[t]]);
            }
        }
        Boosting.Matrix all = Boosting.Matrix.of(x);
        Recipes.Risk recipe = Recipes.risk();
        float[] failed = targets.get("Machine failure");
        // the stratified 80/20 split (seed fixed before any result was seen): fold 0 of 5 is the test part
        List<List<Integer>> fifths = Evaluation.folds(failed, 5, 42);
        List<Integer> test = fifths.get(0);
        List<Integer> train = new ArrayList<>();
        fifths.subList(1, 5).forEach(train::addAll);
        long start = System.nanoTime();
        RiskTraining.Trained m = RiskTraining.train(RiskTraining.rows(all, train), modes(targets, train),
                RiskTraining.labels(failed, train), recipe);
        double seconds = (System.nanoTime() - start) / 1e9;
        Boosting.Matrix tx = RiskTraining.rows(all, test);
        float[] risk = m.risk(tx);
        float[] truth = RiskTraining.labels(failed, test);
        double[] prf = Evaluation.f1(risk, truth, m.threshold());
        System.out.printf("AI4I machine-failure F1 %.3f ROC-AUC %.4f%n", prf[2], Evaluation.rocAuc(risk, truth));
        System.out.printf("  (precision %.3f, recall %.3f at threshold %.2f chosen by 5-fold CV inside the training part;"
                + " trained in %.1f s with that CV)%n", prf[0], prf[1], m.threshold(), seconds);
        for (var mode : m.modes().entrySet()) {
            float[] p = Boosting.predict(mode.getValue(), tx);
            float[] y = RiskTraining.labels(targets.get(mode.getKey()), test);
            System.out.printf("  %s F1 %.3f ROC-AUC %.4f (%d of %d test rows)%n", mode.getKey(),
                    Evaluation.f1(p, y, 0.5)[2], Evaluation.rocAuc(p, y), (int) sum(y), y.length);
        }
        // 5-fold cross-validation over all rows: every step above inside each training part
        double f1 = 0;
        double auc = 0;
        List<List<Integer>> folds = Evaluation.folds(failed, 5, 1234);
        for (int k = 0; k < folds.size(); k++) {
            List<Integer> rest = new ArrayList<>();
            for (int j = 0; j < folds.size(); j++) {
                if (j != k) {
                    rest.addAll(folds.get(j));
                }
            }
            RiskTraining.Trained f = RiskTraining.train(RiskTraining.rows(all, rest), modes(targets, rest),
                    RiskTraining.labels(failed, rest), recipe);
            float[] s = f.risk(RiskTraining.rows(all, folds.get(k)));
            float[] y = RiskTraining.labels(failed, folds.get(k));
            f1 += Evaluation.f1(s, y, f.threshold())[2] / folds.size();
            auc += Evaluation.rocAuc(s, y) / folds.size();
        }
        System.out.printf("  5-fold CV over all 10,000 rows: machine-failure F1 %.3f ROC-AUC %.4f%n", f1, auc);
    }

    static Map<String, float[]> modes(Map<String, float[]> targets, List<Integer> rows) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (String mode : List.of("TWF", "HDF", "PWF", "OSF")) {
            out.put(mode, RiskTraining.labels(targets.get(mode), rows));
        }
        return out;
    }

    static float sum(float[] v) {
        float s = 0;
        for (float f : v) {
            s += f;
        }
        return s;
    }

    static float[] toArray(List<Float> v) {
        float[] a = new float[v.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = v.get(i);
        }
        return a;
    }
}
