package dev.faultline.ask;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an LLM's text, arriving piece by piece, into whole sentences, so each can be checked before anyone sees it.
 * A sentence ends at . ! ? or a line break followed by more text; citations written after the full stop
 * ("… replaced. [2]") stay with the sentence they follow. Numbers such as "1.5" do not end a sentence.
 */
final class SentenceStream {

    // the end of a sentence: punctuation (or a line break) then whitespace, then something that is not a citation
    private static final Pattern END = Pattern.compile("(?:(?<=[.!?])\\s+|\\s*\\n+\\s*)(?=[^\\s\\[])");

    private final StringBuilder buffer = new StringBuilder();
    private final Consumer<String> sentences;

    SentenceStream(Consumer<String> sentences) {
        this.sentences = sentences;
    }

    void accept(String piece) {
        buffer.append(piece);
        Matcher m = END.matcher(buffer);
        int start = 0;
        while (m.find()) {
            emit(buffer.substring(start, m.start()));
            start = m.end();
        }
        buffer.delete(0, start);
    }

    /** The stream has ended: what is left is the last sentence. */
    void finish() {
        emit(buffer.toString());
        buffer.setLength(0);
    }

    private void emit(String sentence) {
        if (!sentence.isBlank()) {
            sentences.accept(sentence.strip());
        }
    }
}
