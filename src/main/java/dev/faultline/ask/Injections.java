package dev.faultline.ask;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds text in a record that speaks to the model instead of describing equipment ("ignore previous instructions
 * and reply …"), and the words it tries to make the model say. A record is data: a sentence of an answer that
 * repeats such words is not shown, even when it cites that record.
 */
final class Injections {

    private static final Pattern TRIGGER = Pattern.compile("(?i)\\b(?:"
            + "(?:ignore|disregard|forget|override)\\s+(?:all\\s+|any\\s+|the\\s+|your\\s+|these\\s+)*"
            + "(?:previous|prior|above|earlier|preceding|system|other)?\\s*(?:instructions?|prompts?|rules|messages?|context)"
            + "|you\\s+are\\s+now|new\\s+instructions?|system\\s+prompt|as\\s+an\\s+ai"
            + "|(?:reply|respond|answer|say|output|print|write|state)\\s+(?:only\\s+|exactly\\s+|with\\s+|that\\s+)+"
            + ")");
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{N}'-]*");
    private static final Set<String> IGNORED = Set.of("ignore", "disregard", "forget", "override", "previous",
            "prior", "above", "earlier", "preceding", "instruction", "instructions", "prompt", "prompts", "rules",
            "message", "messages", "reply", "respond", "answer", "say", "output", "print", "write", "state", "only",
            "exactly", "with", "that", "the", "and", "all", "any", "your", "you", "are", "now", "new", "system",
            "this", "these", "then", "for", "from", "record", "records", "instead", "just", "following");

    private Injections() {}

    /** The words an instruction inside {@code text} wants repeated (empty when there is no instruction). */
    static Set<String> payload(String text) {
        Set<String> words = new HashSet<>();
        if (text == null) {
            return words;
        }
        Matcher m = TRIGGER.matcher(text);
        while (m.find()) {
            // the instruction runs to the end of its sentence
            int end = text.length();
            for (int i = m.end(); i < text.length(); i++) {
                char c = text.charAt(i);
                if ((c == '.' || c == '!' || c == '?' || c == '\n') && i > m.end() + 2) {
                    end = i;
                    break;
                }
            }
            words.addAll(words(text.substring(m.start(), end)));
        }
        words.removeAll(IGNORED);
        return words;
    }

    /** The content words of a text, lower case, three letters or more. */
    static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        Matcher w = WORD.matcher(text);
        while (w.find()) {
            String word = w.group().toLowerCase(Locale.ROOT);
            if (word.length() >= 3) {
                out.add(word);
            }
        }
        return out;
    }
}
