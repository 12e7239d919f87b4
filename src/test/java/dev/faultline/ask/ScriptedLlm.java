package dev.faultline.ask;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * A scripted server speaking the OpenAI chat-completions protocol (the one thing the tests may not run for real:
 * a plant's LLM server). It answers with the scripted content, whole or streamed as chunks, slowly, or with
 * broken JSON, and keeps the last request body so tests can read the prompt.
 */
final class ScriptedLlm {

    enum Mode { ANSWER, SLOW, BAD_JSON }

    static final int PORT = 18089;
    private static ScriptedLlm instance;

    volatile Mode mode = Mode.ANSWER;
    volatile List<String> pieces = List.of("ok");
    volatile String lastRequest;

    static synchronized ScriptedLlm get() {
        if (instance == null) {
            instance = new ScriptedLlm();
        }
        return instance;
    }

    private ScriptedLlm() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
            server.createContext("/v1/chat/completions", this::handle);
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void answer(String... pieces) {
        this.mode = Mode.ANSWER;
        this.pieces = List.of(pieces);
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        lastRequest = body;
        boolean stream = body.replace(" ", "").contains("\"stream\":true");
        try (ex) {
            if (mode == Mode.SLOW) {
                try {
                    Thread.sleep(6_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (mode == Mode.BAD_JSON) {
                send(ex, "application/json", "{\"choices\": [ this is not json");
                return;
            }
            if (!stream) {
                send(ex, "application/json", """
                        {"id":"c1","object":"chat.completion","created":0,"model":"test-model","choices":[{"index":0,\
                        "message":{"role":"assistant","content":%s},"finish_reason":"stop"}],\
                        "usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}"""
                        .formatted(quote(String.join("", pieces))));
                return;
            }
            StringBuilder sse = new StringBuilder();
            for (String p : pieces) {
                sse.append("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":0,\"model\":\"test-model\","
                        + "\"choices\":[{\"index\":0,\"delta\":{\"content\":").append(quote(p))
                        .append("},\"finish_reason\":null}]}\n\n");
            }
            sse.append("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":0,\"model\":\"test-model\","
                    + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n");
            send(ex, "text/event-stream", sse.toString());
        }
    }

    private static void send(HttpExchange ex, String type, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
