// A naive, bare ONNX Runtime embedding loop: the baseline the app's indexing path is compared with.
// Same model files, same inputs; batches of 32 in input order, padded to the batch's longest text.
// Run by bench/embedding-benchmark.sh:  java -cp "target/quarkus-app/lib/main/*" bench/BareOnnxLoop.java FILE
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

public class BareOnnxLoop {
    public static void main(String[] args) throws Exception {
        System.setProperty("offline", "true");
        List<String> texts = Files.readAllLines(Path.of(args[0]));
        ClassLoader cl = BareOnnxLoop.class.getClassLoader();
        byte[] model;
        try (InputStream in = cl.getResourceAsStream("all-minilm-l6-v2.onnx")) {
            model = in.readAllBytes();
        }
        HuggingFaceTokenizer tokenizer;
        try (InputStream in = cl.getResourceAsStream("all-minilm-l6-v2-tokenizer.json")) {
            tokenizer = HuggingFaceTokenizer.newInstance(in, Map.of("truncation", "true", "maxLength", "256", "padding", "false"));
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(model, new OrtSession.SessionOptions())) {
            run(env, session, tokenizer, texts.subList(0, Math.min(200, texts.size()))); // warm-up
            long start = System.nanoTime();
            run(env, session, tokenizer, texts);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("bare ONNX Runtime loop: %d texts in %.2f s = %.0f texts/s%n", texts.size(), seconds,
                    texts.size() / seconds);
        }
    }

    static void run(OrtEnvironment env, OrtSession session, HuggingFaceTokenizer tokenizer, List<String> texts)
            throws Exception {
        for (int start = 0; start < texts.size(); start += 32) {
            List<String> batch = texts.subList(start, Math.min(texts.size(), start + 32));
            Encoding[] enc = tokenizer.batchEncode(batch);
            int width = 0;
            for (Encoding e : enc) width = Math.max(width, e.getIds().length);
            long[] ids = new long[enc.length * width], mask = new long[enc.length * width], types = new long[enc.length * width];
            for (int r = 0; r < enc.length; r++) {
                System.arraycopy(enc[r].getIds(), 0, ids, r * width, enc[r].getIds().length);
                System.arraycopy(enc[r].getAttentionMask(), 0, mask, r * width, enc[r].getAttentionMask().length);
            }
            long[] shape = {enc.length, width};
            try (OnnxTensor a = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
                    OnnxTensor b = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
                    OnnxTensor c = OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape);
                    OrtSession.Result r = session.run(Map.of("input_ids", a, "attention_mask", b, "token_type_ids", c))) {
                float[][][] hidden = (float[][][]) r.get(0).getValue();
                for (int i = 0; i < hidden.length; i++) {
                    float[] v = new float[hidden[i][0].length];
                    int n = 0;
                    for (int t = 0; t < width; t++) {
                        if (mask[i * width + t] == 0) continue;
                        n++;
                        for (int d = 0; d < v.length; d++) v[d] += hidden[i][t][d];
                    }
                    double norm = 0;
                    for (int d = 0; d < v.length; d++) { v[d] /= n; norm += v[d] * v[d]; }
                    for (int d = 0; d < v.length; d++) v[d] /= (float) Math.sqrt(norm);
                }
            }
        }
    }
}
