package dev.faultline.classify.head;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CharNgramsTest {

    private final CharNgrams ngrams = new CharNgrams(15, 2, 5);

    /** The expected counts of the given grams, hashed as the model stores them. */
    private Sparse expected(String... grams) {
        int[] hashes = new int[grams.length];
        for (int i = 0; i < grams.length; i++) {
            hashes[i] = grams[i].hashCode() & (ngrams.dimensions() - 1);
        }
        return Sparse.counted(hashes, hashes.length);
    }

    private static void assertSame(Sparse expected, Sparse actual) {
        assertArrayEquals(expected.index(), actual.index());
        assertArrayEquals(expected.value(), actual.value());
    }

    @Test
    void eachWordGivesTheCharacterNgramsOfItselfWithItsBoundaries() {
        assertSame(expected(" l", "le", "ea", "ak", "k ", " le", "lea", "eak", "ak ", " lea", "leak", "eak ",
                " leak", "leak "), ngrams.counts("Leak!"));
        // punctuation and slashes split words; a word shorter than the longest n-gram gives what it can
        assertSame(expected(" o", "o ", " o ", " h", "hi", "i ", " hi", "hi ", " hi "), ngrams.counts("O/HI"));
    }

    @Test
    void repeatedNgramsAreCounted() {
        Sparse counts = ngrams.counts("oil oil");
        int oil = " oil".hashCode() & (ngrams.dimensions() - 1);
        int k = java.util.Arrays.binarySearch(counts.index(), oil);
        assertEquals(2f, counts.value()[k]);
    }

    @Test
    void fullWidthAndCaseFoldToTheSameFeatures() {
        assertSame(ngrams.counts("leak"), ngrams.counts("ＬＥＡＫ"));
        assertSame(ngrams.counts("pump leak"), ngrams.counts("PUMP   LEAK."));
    }

    @Test
    void chineseRunsAreOneWordAndMixedTextKeepsItsPartNumbers() {
        assertSame(expected(" 主", "主轴", "轴过", "过热", "热 ", " 主轴", "主轴过", "轴过热", "过热 ", " 主轴过", "主轴过热",
                "轴过热 ", " 主轴过热", "主轴过热 "), ngrams.counts("主轴过热"));
        Sparse mixed = ngrams.counts("更换6205轴承");
        int part = "6205".hashCode() & (ngrams.dimensions() - 1);
        assertEquals(1f, mixed.value()[java.util.Arrays.binarySearch(mixed.index(), part)]);
    }

    @Test
    void idfIsTheSmoothedInverseDocumentFrequency() {
        List<Sparse> corpus = new ArrayList<>(List.of(ngrams.counts("leak"), ngrams.counts("noise"),
                ngrams.counts("leak noise")));
        float[] idf = ngrams.idf(corpus);
        int leak = " leak".hashCode() & (ngrams.dimensions() - 1);
        int absent = "zzzzz".hashCode() & (ngrams.dimensions() - 1);
        // scikit-learn's smooth_idf: ln((1 + n) / (1 + df)) + 1
        assertEquals(Math.log(4.0 / 3.0) + 1, idf[leak], 1e-6);
        assertEquals(Math.log(4.0 / 1.0) + 1, idf[absent], 1e-6);
    }

    @Test
    void weightsAreSublinearTfIdfWithUnitLength() {
        Sparse counts = new Sparse(new int[] {1, 2}, new float[] {1, 3});
        float[] idf = new float[ngrams.dimensions()];
        idf[1] = 2;
        idf[2] = 1;
        Sparse w = CharNgrams.weigh(counts, idf);
        double a = 2;
        double b = 1 + Math.log(3);
        double norm = Math.sqrt(a * a + b * b);
        assertEquals(a / norm, w.value()[0], 1e-6);
        assertEquals(b / norm, w.value()[1], 1e-6);
    }
}
