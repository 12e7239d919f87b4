package dev.faultline.model;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/** A {@link Generator} on an OpenAI-compatible chat-completions server, through LangChain4j. */
@ApplicationScoped
public class OpenAiGenerator implements Generator {

    private static final Logger LOG = Logger.getLogger(OpenAiGenerator.class);

    private final LlmConfig config;
    private final ChatModel chat;
    private final StreamingChatModel streaming;

    OpenAiGenerator(LlmConfig config) {
        this.config = config;
        if (config.baseUrl().isPresent()) {
            String url = config.baseUrl().get();
            this.chat = OpenAiChatModel.builder().baseUrl(url).apiKey(config.apiKey()).modelName(config.model())
                    .timeout(config.timeout()).maxTokens(config.maxTokens()).temperature(config.temperature())
                    .maxRetries(0).build();
            this.streaming = OpenAiStreamingChatModel.builder().baseUrl(url).apiKey(config.apiKey())
                    .modelName(config.model()).timeout(config.timeout()).maxTokens(config.maxTokens())
                    .temperature(config.temperature()).build();
            LOG.infof("LLM server configured: %s, model %s", url, config.model());
        } else {
            this.chat = null;
            this.streaming = null;
        }
    }

    @Override
    public boolean available() {
        return chat != null;
    }

    @Override
    public String name() {
        return "openai-compatible:" + config.model();
    }

    @Override
    public String complete(String system, String user) {
        try {
            String text = chat.chat(messages(system, user)).aiMessage().text();
            if (text == null || text.isBlank()) {
                throw new GeneratorException("it answered with no text", "the LLM server answered with no text", null);
            }
            return text;
        } catch (GeneratorException e) {
            throw e;
        } catch (RuntimeException e) {
            throw failed(e);
        }
    }

    @Override
    public String stream(String system, String user, Consumer<String> tokens) {
        CompletableFuture<String> done = new CompletableFuture<>();
        try {
            streaming.chat(messages(system, user), new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(String piece) {
                    tokens.accept(piece);
                }

                @Override
                public void onCompleteResponse(ChatResponse response) {
                    done.complete(response.aiMessage().text());
                }

                @Override
                public void onError(Throwable error) {
                    done.completeExceptionally(error);
                }
            });
            String text = done.get(config.timeout().toMillis() * 2, TimeUnit.MILLISECONDS);
            if (text == null || text.isBlank()) {
                throw new GeneratorException("it answered with no text", "the LLM server streamed no text", null);
            }
            return text;
        } catch (TimeoutException e) {
            throw new GeneratorException("it did not finish in time",
                    "the LLM server did not finish within " + config.timeout().multipliedBy(2), e);
        } catch (ExecutionException e) {
            throw failed(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GeneratorException("the request was interrupted", "interrupted", e);
        } catch (RuntimeException e) {
            throw e instanceof GeneratorException g ? g : failed(e);
        }
    }

    /** Our words for what went wrong; the server's own text only goes to the log. */
    private static GeneratorException failed(Throwable e) {
        String reason;
        if (e instanceof dev.langchain4j.exception.TimeoutException || has(e, java.net.http.HttpTimeoutException.class)
                || has(e, java.net.SocketTimeoutException.class)) {
            reason = "it did not answer in time";
        } else if (has(e, java.net.ConnectException.class)) {
            reason = "it could not be reached";
        } else if (e instanceof dev.langchain4j.exception.HttpException h) {
            reason = "it answered with HTTP status " + h.statusCode();
        } else if (e instanceof dev.langchain4j.exception.AuthenticationException) {
            reason = "it refused the configured API key";
        } else if (has(e, com.fasterxml.jackson.core.JsonProcessingException.class)) {
            reason = "its answer could not be read";
        } else {
            reason = "it failed";
        }
        return new GeneratorException(reason, "the LLM server failed: " + e.getMessage(), e);
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static List<ChatMessage> messages(String system, String user) {
        return List.of(SystemMessage.from(system), UserMessage.from(user));
    }
}
