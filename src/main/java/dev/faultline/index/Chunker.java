package dev.faultline.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits long texts into overlapping windows of words, so a long inspection report is embedded as several
 * passages instead of being cut at the model's token limit. Short texts (almost all logs) stay whole.
 */
final class Chunker {

    private Chunker() {}

    static List<String> chunks(String text, int maxWords, int overlapWords) {
        String[] words = text.strip().split("\\s+");
        if (words.length <= maxWords) {
            return List.of(text.strip());
        }
        List<String> chunks = new ArrayList<>();
        int step = Math.max(1, maxWords - overlapWords);
        for (int start = 0; start < words.length; start += step) {
            int end = Math.min(words.length, start + maxWords);
            chunks.add(String.join(" ", Arrays.copyOfRange(words, start, end)));
            if (end == words.length) {
                break;
            }
        }
        return chunks;
    }
}
