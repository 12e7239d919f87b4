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

    /**
     * The LLM server could not give an answer. {@link #getMessage()} has the details for the log (the server's own
     * text included); {@link #reason()} is what a user may be shown: our words, never the server's.
     */
    class GeneratorException extends RuntimeException {
        private final String reason;

        public GeneratorException(String reason, String detail, Throwable cause) {
            super(detail, cause);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }
}
