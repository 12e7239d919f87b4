package dev.faultline.classify.head;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceFilter;
import org.apache.lucene.analysis.pattern.PatternTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.search.similarities.ClassicSimilarity;

/**
 * Lexical features that survive misspelling and shorthand ("falure", "o/heating"): character n-grams of each
 * word with its boundaries ({@code " leak "} gives {@code " le"}, {@code "lea"}, …, like scikit-learn's
 * {@code char_wb}), hashed into a fixed space and weighted by sublinear tf × idf, L2-normalised.
 *
 * <p>The words and their n-grams come from an Apache Lucene analysis chain (split on anything but letters and
 * digits, lower-cased, padded with a space each side, {@link NGramTokenFilter}); the idf is Lucene's
 * {@link ClassicSimilarity#idf} (scikit-learn's smoothed idf). Each n-gram is hashed with
 * {@link String#hashCode()}, which the JLS specifies, so a stored model reads the same features back on any JVM.
 */
public final class CharNgrams {

    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern ENDS = Pattern.compile("^|$");
    private static final ClassicSimilarity TF_IDF = new ClassicSimilarity();

    private final int bits;
    private final int min;
    private final int max;
    private final Analyzer analyzer;

    public CharNgrams(int bits, int min, int max) {
        this.bits = bits;
        this.min = min;
        this.max = max;
        this.analyzer = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer words = new PatternTokenizer(NOT_A_WORD, -1);
                TokenStream padded = new PatternReplaceFilter(new LowerCaseFilter(words), ENDS, " ", true);
                return new TokenStreamComponents(words, new NGramTokenFilter(padded, min, max, false));
            }
        };
    }

    public int dimensions() {
        return 1 << bits;
    }

    /** Raw n-gram counts (not weighted), sorted by index. Thread-safe: the analyzer keeps a chain per thread. */
    public Sparse counts(String text) {
        String folded = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC);
        int mask = dimensions() - 1;
        int[] hashes = new int[16];
        int size = 0;
        try (TokenStream grams = analyzer.tokenStream("text", folded)) {
            CharTermAttribute gram = grams.addAttribute(CharTermAttribute.class);
            grams.reset();
            while (grams.incrementToken()) {
                if (size == hashes.length) {
                    hashes = Arrays.copyOf(hashes, size * 2);
                }
                hashes[size++] = gram.toString().hashCode() & mask;
            }
            grams.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String reader does not fail
        }
        return Sparse.counted(hashes, size);
    }

    /** Inverse document frequencies over a corpus of counts ({@link ClassicSimilarity#idf}). */
    public float[] idf(Iterable<Sparse> corpus) {
        long[] df = new long[dimensions()];
        long docs = 0;
        for (Sparse s : corpus) {
            docs++;
            for (int i : s.index()) {
                df[i]++;
            }
        }
        float[] idf = new float[dimensions()];
        for (int i = 0; i < idf.length; i++) {
            idf[i] = TF_IDF.idf(df[i], docs);
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
