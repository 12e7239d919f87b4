package dev.faultline.model;

import java.util.function.Consumer;

/**
 * Writes text from a prompt with a plant's own LLM server. Not every installation has one: {@link #available()}
 * says whether one is configured, and callers fall back to their extractive mode when it is not, or when it
 * fails ({@link GeneratorException}: time-out, server error, unreadable answer).
 */
public interface Generator {

    boolean available();

    /** What answers, for people to see: {@code openai-compatible:<model>}. */
    String name();

    /** The whole answer at once. */
    String complete(String system, String user);

    /** The answer piece by piece to {@code tokens}, and then whole. */
    String stream(String system, String user, Consumer<String> tokens);

    /** The LLM server could not give an answer. */
    class GeneratorException extends RuntimeException {
        public GeneratorException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
