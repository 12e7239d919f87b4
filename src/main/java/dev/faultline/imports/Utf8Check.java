package dev.faultline.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Finds the first line of a file that is not valid UTF-8, reading it once as a stream. A decoding reader
 * cannot say where the bad bytes are (it decodes ahead in blocks); this can, so the user is told the line.
 */
final class Utf8Check {

    private Utf8Check() {}

    static OptionalLong firstInvalidLine(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            long line = 1;
            int pending = 0; // continuation bytes still expected
            int min = 0; // smallest allowed next byte for the current sequence (rejects overlongs and surrogates)
            int max = 0;
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    int b = buffer[i] & 0xFF;
                    if (pending > 0) {
                        if (b < min || b > max) {
                            return OptionalLong.of(line);
                        }
                        min = 0x80;
                        max = 0xBF;
                        pending--;
                        continue;
                    }
                    if (b == '\n') {
                        line++;
                    } else if (b >= 0x80) {
                        int[] seq = lead(b);
                        if (seq == null) {
                            return OptionalLong.of(line);
                        }
                        pending = seq[0];
                        min = seq[1];
                        max = seq[2];
                    }
                }
            }
            return pending > 0 ? OptionalLong.of(line) : OptionalLong.empty();
        }
    }

    /** For a lead byte: continuation bytes to follow, and the range of the first of them; null if invalid. */
    private static int[] lead(int b) {
        if (b >= 0xC2 && b <= 0xDF) {
            return new int[] {1, 0x80, 0xBF};
        }
        if (b == 0xE0) {
            return new int[] {2, 0xA0, 0xBF};
        }
        if (b == 0xED) {
            return new int[] {2, 0x80, 0x9F};
        }
        if (b >= 0xE1 && b <= 0xEF) {
            return new int[] {2, 0x80, 0xBF};
        }
        if (b == 0xF0) {
            return new int[] {3, 0x90, 0xBF};
        }
        if (b >= 0xF1 && b <= 0xF3) {
            return new int[] {3, 0x80, 0xBF};
        }
        if (b == 0xF4) {
            return new int[] {3, 0x80, 0x8F};
        }
        return null;
    }
}
