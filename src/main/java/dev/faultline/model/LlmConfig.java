package dev.faultline.model;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** A plant's own OpenAI-compatible LLM server ({@code faultline.llm.*}); without a base URL none is used. */
@ConfigMapping(prefix = "faultline.llm")
public interface LlmConfig {

    /** e.g. {@code http://llm.plant.local:8000/v1} (vLLM, llama.cpp server, Ollama, LocalAI, TGI). Unset: none. */
    Optional<String> baseUrl();

    /** The model name the server knows. */
    @WithDefault("local-model")
    String model();

    /** Sent as a bearer token; most local servers ignore it. */
    @WithDefault("not-needed")
    String apiKey();

    /** How long to wait for an answer (or the next streamed piece) before falling back. */
    @WithDefault("30s")
    Duration timeout();

    /** Longest answer in tokens. */
    @WithDefault("400")
    int maxTokens();

    @WithDefault("0.1")
    double temperature();
}
