package dev.faultline.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The app's embedding runtime against an independent implementation, and batch invariance. */
@QuarkusTest
class OnnxEmbedderTest {

    static final List<String> SENTENCES = List.of(
            "#2 CYL ROCKER COVER GASKET LEAKING.",
            "oil leak at the valve cover",
            "REMOVED & REPLACED FUEL SERVO",
            "Conveyor belt tracking off on line 3, adjusted tail pulley and checked the belt splice for damage.");

    @Inject
    Embedder embedder;

    @Inject
    ModelConfig config;

    @Test
    void matchesLangChain4jsOwnPipelineForTheSameModel() {
        // LangChain4j runs the same ONNX file with its own tokenizer wrapper and pooling: an independent reference
        AllMiniLmL6V2EmbeddingModel reference = new AllMiniLmL6V2EmbeddingModel();
        List<float[]> ours = embedder.embed(SENTENCES, Embedder.Role.PASSAGE);
        for (int i = 0; i < SENTENCES.size(); i++) {
            float[] expected = reference.embed(SENTENCES.get(i)).content().vector();
            assertArrayEquals(expected, ours.get(i), 1e-4f, SENTENCES.get(i));
        }
        assertEquals("all-minilm-l6-v2@1.19.0-beta29", embedder.modelId());
        assertEquals("CPU", embedder.provider());
    }

    @Test
    void aTextAloneEqualsTheSameTextInsideAPaddedBatch() {
        List<String> batch = new ArrayList<>(SENTENCES);
        batch.add("x");
        List<float[]> together = embedder.embed(batch, Embedder.Role.PASSAGE);
        for (int i = 0; i < SENTENCES.size(); i++) {
            float[] alone = embedder.embed(List.of(SENTENCES.get(i)), Embedder.Role.PASSAGE).getFirst();
            assertArrayEquals(alone, together.get(i), 1e-5f, SENTENCES.get(i));
        }
    }

    @Test
    void backgroundCallersRunningAtOnceGetTheSameVectors() throws Exception {
        // more than 4 texts, so the foreground call uses the many-thread session and the background one the other
        List<String> texts = new ArrayList<>(SENTENCES);
        texts.addAll(List.of("R/H ENG INTAKE GSKT LEAKING", "replaced bearing on pump P-101", "ok"));
        List<float[]> expected = embedder.embed(texts, Embedder.Role.PASSAGE);
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<List<float[]>>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> embedder.embedInBackground(texts, 2)));
            }
            for (Future<List<float[]>> run : runs) {
                List<float[]> got = run.get();
                for (int i = 0; i < texts.size(); i++) {
                    assertArrayEquals(expected.get(i), got.get(i), 1e-5f, texts.get(i));
                }
            }
        }
    }

    @Test
    void vectorsHaveUnitLengthAndTheManifestsDimensions() {
        for (float[] v : embedder.embed(SENTENCES, Embedder.Role.QUERY)) {
            assertEquals(384, v.length);
            double norm = 0;
            for (float x : v) {
                norm += x * x;
            }
            assertEquals(1.0, Math.sqrt(norm), 1e-5);
        }
        assertTrue(embedder.embed(List.of(), Embedder.Role.QUERY).isEmpty());
    }

    @Test
    void closingWhileABackgroundJobEmbedsWaitsForItsBatchThenRefusesMore() throws Exception {
        // a model of its own, so the app's stays open; a long batch is running when close() is called
        OnnxEmbedder own = OnnxEmbedder.load(config);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            many.add(SENTENCES.get(i % SENTENCES.size()) + " " + i);
        }
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        try (ExecutorService pool = Executors.newSingleThreadExecutor()) {
            Future<Integer> running = pool.submit(() -> {
                started.countDown();
                return own.embedInBackground(many, 1).size();
            });
            started.await();
            Thread.sleep(50);
            own.close(); // freed the native sessions under the running batch before: SIGSEGV
            assertEquals(400, running.get());
        } catch (java.util.concurrent.ExecutionException e) {
            // close() won the race before the batch began: the batch is refused, not crashed
            assertTrue(e.getCause().getMessage().contains("is closed"), e.getCause().getMessage());
        }
        IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> own.embed(List.of("oil leak"), Embedder.Role.QUERY));
        assertTrue(refused.getMessage().contains("is closed"), refused.getMessage());
        own.close(); // twice is harmless
    }
}
