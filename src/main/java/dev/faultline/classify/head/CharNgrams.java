package dev.faultline.classify.head;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * Lexical features that survive misspelling and shorthand ("falure", "o/heating"): character n-grams of each
 * word with its boundaries ({@code " leak "} gives {@code " le"}, {@code "lea"}, …), hashed into a fixed space and
 * weighted by sublinear tf × idf, L2-normalised. {@link String#hashCode()} is specified by the JLS, so the
 * hashing is stable across JVMs and a stored model reads the same features back.
 */
public final class CharNgrams {

    private final int bits;
    private final int min;
    private final int max;

    public CharNgrams(int bits, int min, int max) {
        this.bits = bits;
        this.min = min;
        this.max = max;
    }

    public int dimensions() {
        return 1 << bits;
    }

    /**
     * Raw term counts (not weighted), sorted by index. Each n-gram's hash is computed in place with the formula of
     * {@link String#hashCode()} (so it equals {@code gram.hashCode()}), then the hashes are sorted and counted: no
     * substrings, no boxing; this runs for every record the background job classifies.
     */
    public Sparse counts(String text) {
        String folded = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        int mask = dimensions() - 1;
        int[] hashes = new int[16];
        int size = 0;
        for (String word : folded.split("[^\\p{L}\\p{N}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            char[] w = (" " + word + " ").toCharArray();
            for (int n = min; n <= max; n++) {
                for (int i = 0; i + n <= w.length; i++) {
                    int h = 0;
                    for (int k = i; k < i + n; k++) {
                        h = 31 * h + w[k];
                    }
                    if (size == hashes.length) {
                        hashes = Arrays.copyOf(hashes, size * 2);
                    }
                    hashes[size++] = h & mask;
                }
            }
        }
        Arrays.sort(hashes, 0, size);
        int distinct = 0;
        for (int k = 0; k < size; k++) {
            distinct += k == 0 || hashes[k] != hashes[k - 1] ? 1 : 0;
        }
        int[] index = new int[distinct];
        float[] value = new float[distinct];
        int d = -1;
        for (int k = 0; k < size; k++) {
            if (k == 0 || hashes[k] != hashes[k - 1]) {
                index[++d] = hashes[k];
            }
            value[d]++;
        }
        return new Sparse(index, value);
    }

    /** Inverse document frequencies over a corpus of counts (smoothed, as scikit-learn does). */
    public float[] idf(Iterable<Sparse> corpus) {
        int[] df = new int[dimensions()];
        int docs = 0;
        for (Sparse s : corpus) {
            docs++;
            for (int i : s.index()) {
                df[i]++;
            }
        }
        float[] idf = new float[dimensions()];
        for (int i = 0; i < idf.length; i++) {
            idf[i] = (float) (Math.log((1.0 + docs) / (1.0 + df[i])) + 1.0);
        }
        return idf;
    }

    /** Sublinear tf × idf, L2-normalised. */
    public static Sparse weigh(Sparse counts, float[] idf) {
        float[] v = Arrays.copyOf(counts.value(), counts.value().length);
        double norm = 0;
        for (int k = 0; k < v.length; k++) {
            v[k] = (float) ((1 + Math.log(v[k])) * idf[counts.index()[k]]);
            norm += v[k] * v[k];
        }
        if (norm > 0) {
            float inv = (float) (1 / Math.sqrt(norm));
            for (int k = 0; k < v.length; k++) {
                v[k] *= inv;
            }
        }
        return new Sparse(counts.index(), v);
    }

    public int bits() {
        return bits;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }
}
