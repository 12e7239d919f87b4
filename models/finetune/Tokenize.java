// Tokenizes texts exactly as the app does (DJL HuggingFace tokenizer, the manifest's tokenizer.json, truncation at
// 256 tokens, no padding) so that the offline fine-tune trains on the app's token ids.
//   java -cp "target/quarkus-app/lib/main/*" models/finetune/Tokenize.java TOKENIZER_JSON IN.txt OUT.ids
// IN: one text per line. OUT: one line per text, its token ids separated by spaces.
// With "embed MODEL.onnx" after OUT: also writes OUT.vec, each text's mean-pooled, L2-normalised embedding from
// ONNX Runtime (the app's pooling), to check a fine-tuned or re-exported model against the original.
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

public class Tokenize {
    public static void main(String[] args) throws Exception {
        HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(Path.of(args[0]),
                Map.of("truncation", "true", "maxLength", "256", "padding", "false"));
        List<String> texts = Files.readAllLines(Path.of(args[1]));
        List<long[]> ids = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        for (String text : texts) {
            Encoding e = tokenizer.encode(text);
            ids.add(e.getIds());
            for (int i = 0; i < e.getIds().length; i++) out.append(i == 0 ? "" : " ").append(e.getIds()[i]);
            out.append('\n');
        }
        Files.writeString(Path.of(args[2]), out);
        if (args.length > 4 && args[3].equals("embed")) {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (OrtSession session = env.createSession(args[4], new OrtSession.SessionOptions())) {
                StringBuilder vecs = new StringBuilder();
                for (long[] one : ids) {
                    long[][] input = {one};
                    long[][] mask = {new long[one.length]};
                    java.util.Arrays.fill(mask[0], 1);
                    Map<String, OnnxTensor> in = new java.util.HashMap<>();
                    in.put("input_ids", OnnxTensor.createTensor(env, input));
                    in.put("attention_mask", OnnxTensor.createTensor(env, mask));
                    if (session.getInputNames().contains("token_type_ids")) {
                        in.put("token_type_ids", OnnxTensor.createTensor(env, new long[1][one.length]));
                    }
                    try (OrtSession.Result r = session.run(in)) {
                        float[][] tokens = ((float[][][]) r.get(0).getValue())[0];
                        double[] v = new double[tokens[0].length];
                        for (float[] t : tokens) for (int d = 0; d < v.length; d++) v[d] += t[d] / tokens.length;
                        double norm = 0;
                        for (double x : v) norm += x * x;
                        norm = Math.sqrt(norm);
                        for (int d = 0; d < v.length; d++) vecs.append(d == 0 ? "" : " ").append((float) (v[d] / norm));
                        vecs.append('\n');
                    }
                }
                Files.writeString(Path.of(args[2] + ".vec"), vecs);
            }
        }
    }
}
