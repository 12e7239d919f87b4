package dev.faultline.predict;

import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Gradient-boosted trees through XGBoost4J: training, prediction, and per-feature contributions (XGBoost's own
 * SHAP values). Models travel as bytes (XGBoost's UBJSON), so they can be stored in PostgreSQL and loaded by every
 * instance. The maths is XGBoost's; this class only moves arrays in and out.
 */
public final class Boosting {

    private Boosting() {}

    /** Rows of features, row-major: {@code values[row * features + feature]}; NaN is a missing value. */
    public record Matrix(float[] values, int rows, int features) {

        public static Matrix of(java.util.List<float[]> rows) {
            int f = rows.isEmpty() ? 0 : rows.getFirst().length;
            float[] v = new float[rows.size() * f];
            for (int i = 0; i < rows.size(); i++) {
                System.arraycopy(rows.get(i), 0, v, i * f, f);
            }
            return new Matrix(v, rows.size(), f);
        }

        DMatrix dmatrix(float[] labels) throws XGBoostError {
            DMatrix d = new DMatrix(values, rows, features, Float.NaN);
            if (labels != null) {
                d.setLabel(labels);
            }
            return d;
        }
    }

    /** Trains a model; {@code params} are XGBoost's (objective, max_depth, eta, …). */
    public static byte[] train(Matrix x, float[] labels, Map<String, Object> params, int rounds) {
        try {
            DMatrix d = x.dmatrix(labels);
            try {
                Booster b = XGBoost.train(d, params, rounds, Map.of(), null, null);
                try {
                    return b.toByteArray("ubj");
                } finally {
                    b.dispose();
                }
            } finally {
                d.dispose();
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not train: " + e.getMessage(), e);
        }
    }

    /** One prediction per row. */
    public static float[] predict(byte[] model, Matrix x) {
        return run(model, x, false)[0];
    }

    /** Per row: the contribution of each feature, then the bias (features + 1 values), summing to the margin. */
    public static float[][] contributions(byte[] model, Matrix x) {
        return run(model, x, true);
    }

    private static float[][] run(byte[] model, Matrix x, boolean contributions) {
        try {
            Booster b = XGBoost.loadModel(model);
            DMatrix d = x.dmatrix(null);
            try {
                if (contributions) {
                    return b.predictContrib(d, 0);
                }
                float[][] p = b.predict(d);
                float[] out = new float[p.length];
                for (int i = 0; i < p.length; i++) {
                    out[i] = p[i][0];
                }
                return new float[][] {out};
            } finally {
                d.dispose();
                b.dispose();
            }
        } catch (XGBoostError | java.io.IOException e) {
            throw new IllegalStateException("XGBoost could not predict: " + e.getMessage(), e);
        }
    }
}
