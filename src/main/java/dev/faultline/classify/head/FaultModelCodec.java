package dev.faultline.classify.head;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** A {@link FaultModel} as bytes (gzip of a versioned binary layout), to store and load trained models. */
public final class FaultModelCodec {

    /**
     * 3: with the calibration temperature; 2: weights of one-against-rest logistic regressions (LIBLINEAR); 1 was a
     * softmax regression.
     */
    static final int FORMAT = 3;

    private FaultModelCodec() {}

    /** A model stored in another layout (an earlier version of the app): to be trained again, not read. */
    public static final class UnknownFormat extends IllegalStateException {
        UnknownFormat() {
            super("the stored fault model is of another format (format " + FORMAT + " expected)");
        }
    }

    public static byte[] write(FaultModel m) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeInt(FORMAT);
            out.writeInt(m.labels.size());
            for (String l : m.labels) {
                out.writeUTF(l);
            }
            TrainOptions o = m.options;
            out.writeInt(o.iterations());
            for (double d : new double[] {o.c(), o.embeddingWeight(), o.lexicalWeight()}) {
                out.writeDouble(d);
            }
            out.writeInt(o.neighbours());
            for (double d : new double[] {o.neighbourWeight(), o.temperature(), o.minConfidence()}) {
                out.writeDouble(d);
            }
            out.writeInt(m.ngrams.bits());
            out.writeInt(m.ngrams.min());
            out.writeInt(m.ngrams.max());
            out.writeInt(m.dims);
            floats(out, m.idf);
            floats(out, m.bias);
            for (float[] w : m.weights) {
                floats(out, w);
            }
            out.writeDouble(m.calibration);
            out.writeInt(m.examples.size());
            for (LabelledText e : m.examples) {
                out.writeUTF(e.text());
                out.writeUTF(e.label());
                out.writeUTF(e.origin() == null ? "" : e.origin());
                out.writeLong(e.recordId() == null ? -1 : e.recordId());
                floats(out, e.vector());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static FaultModel read(byte[] data) {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(data)))) {
            if (in.readInt() != FORMAT) {
                throw new UnknownFormat();
            }
            List<String> labels = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                labels.add(in.readUTF());
            }
            TrainOptions o = new TrainOptions(in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(),
                    in.readInt(), in.readDouble(), in.readDouble(), in.readDouble());
            CharNgrams ngrams = new CharNgrams(in.readInt(), in.readInt(), in.readInt());
            int dims = in.readInt();
            float[] idf = floats(in);
            float[] bias = floats(in);
            float[][] weights = new float[labels.size()][];
            for (int c = 0; c < weights.length; c++) {
                weights[c] = floats(in);
            }
            double calibration = in.readDouble();
            List<LabelledText> examples = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                String text = in.readUTF();
                String label = in.readUTF();
                String origin = in.readUTF();
                long id = in.readLong();
                examples.add(new LabelledText(text, label, floats(in), id < 0 ? null : id, origin));
            }
            return new FaultModel(labels, ngrams, idf, dims, weights, bias, o, examples, calibration);
        } catch (IOException e) {
            throw new UncheckedIOException("reading a stored fault model", e);
        }
    }

    private static void floats(DataOutputStream out, float[] v) throws IOException {
        out.writeInt(v.length);
        for (float f : v) {
            out.writeFloat(f);
        }
    }

    private static float[] floats(DataInputStream in) throws IOException {
        float[] v = new float[in.readInt()];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.readFloat();
        }
        return v;
    }
}
