// A naive, bare ONNX Runtime embedding loop: the baseline the app's indexing path is compared with.
// Same model files, same inputs; batches of 32 in input order, padded to the batch's longest text.
// Run by bench/embedding-benchmark.sh:  java -cp "target/quarkus-app/lib/main/*" bench/BareOnnxLoop.java FILE
// With "ceiling STREAMS BATCH" after FILE: what inference alone can do the app's way instead (claims of 512 texts,
// each sorted by length, shared out to STREAMS one-thread sessions, batches of BATCH; no database), three rounds.
// With "profile" after FILE: where one one-thread session spends its time (ONNX Runtime's profiler, by operator)
// over the first 2,048 texts, embedded the app's way.
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
        if (args.length == 4 && args[1].equals("ceiling")) {
            ceiling(env, model, tokenizer, texts, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            return;
        }
        if (args.length == 2 && args[1].equals("profile")) {
            profile(env, model, tokenizer, texts.subList(0, Math.min(2048, texts.size())));
            return;
        }
        try (OrtSession session = env.createSession(model, new OrtSession.SessionOptions())) {
            run(env, session, tokenizer, texts.subList(0, Math.min(200, texts.size())), 32); // warm-up
            long start = System.nanoTime();
            run(env, session, tokenizer, texts, 32);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("bare ONNX Runtime loop: %d texts in %.2f s = %.0f texts/s%n", texts.size(), seconds,
                    texts.size() / seconds);
        }
    }

    static void ceiling(OrtEnvironment env, byte[] model, HuggingFaceTokenizer tokenizer, List<String> texts,
            int streams, int batch) throws Exception {
        // as the indexer claims them: 512 texts at a time in arrival order, each claim sorted by length
        List<List<String>> claims = new ArrayList<>();
        for (int c = 0; c < texts.size(); c += 512) {
            List<String> claim = new ArrayList<>(texts.subList(c, Math.min(texts.size(), c + 512)));
            Map<String, Integer> length = new HashMap<>();
            for (String t : claim) length.put(t, tokenizer.encode(t).getIds().length);
            claim.sort(Comparator.comparingInt(length::get));
            claims.add(claim);
        }
        OrtSession[] sessions = new OrtSession[streams];
        for (int s = 0; s < streams; s++) {
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setIntraOpNumThreads(1);
            sessions[s] = env.createSession(model, options);
        }
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            List<Future<?>> work = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(streams);
            for (int s = 0; s < streams; s++) {
                int stream = s;
                work.add(pool.submit(() -> {
                    for (int c = stream; c < claims.size(); c += streams) {
                        run(env, sessions[stream], tokenizer, claims.get(c), batch);
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) f.get(); // a failed stream fails the run
            pool.shutdown();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.print("inference alone, %d one-thread streams, batches of %d: %d texts in %.2f s = %.0f texts/s%n"
                    .formatted(streams, batch, texts.size(), seconds, texts.size() / seconds));
        }
    }

    static void profile(OrtEnvironment env, byte[] model, HuggingFaceTokenizer tokenizer, List<String> texts)
            throws Exception {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        options.setIntraOpNumThreads(1);
        Path dir = Files.createTempDirectory("ort-profile");
        options.enableProfiling(dir.resolve("ort").toString());
        List<String> sorted = new ArrayList<>(texts);
        Map<String, Integer> length = new HashMap<>();
        for (String t : sorted) length.put(t, tokenizer.encode(t).getIds().length);
        sorted.sort(Comparator.comparingInt(length::get));
        String file;
        try (OrtSession session = env.createSession(model, options)) {
            run(env, session, tokenizer, sorted, 16);
            file = session.endProfiling();
        }
        // one event a line: {"cat" : "Node", ..., "dur" : 123, ..., "name" : "..._kernel_time", "args" : {... "op_name" : "MatMul" ...}}
        Pattern dur = Pattern.compile("\"dur\" ?: ?(\\d+)"), op = Pattern.compile("\"op_name\" ?: ?\"([^\"]+)\"");
        Map<String, Long> byOp = new TreeMap<>();
        long total = 0;
        for (String line : Files.readAllLines(Path.of(file))) {
            Matcher d = dur.matcher(line), o = op.matcher(line);
            if (line.contains("_kernel_time") && d.find() && o.find()) {
                byOp.merge(o.group(1), Long.parseLong(d.group(1)), Long::sum);
                total += Long.parseLong(d.group(1));
            }
        }
        long all = total;
        System.out.printf("operator time of one one-thread session over %d texts (batches of 16, sorted by length): %.1f s%n",
                texts.size(), all / 1e6);
        byOp.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8).forEach(e ->
                System.out.printf("  %-20s %5.1f %%%n", e.getKey(), 100.0 * e.getValue() / all));
        Files.delete(Path.of(file));
        Files.delete(dir);
    }

    static void run(OrtEnvironment env, OrtSession session, HuggingFaceTokenizer tokenizer, List<String> texts,
            int size) throws Exception {
        for (int start = 0; start < texts.size(); start += size) {
            List<String> batch = texts.subList(start, Math.min(texts.size(), start + size));
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
