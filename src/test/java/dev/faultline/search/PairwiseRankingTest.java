package dev.faultline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.liblinear.Model;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The pairwise training and its figure, on judged searches made up here (LIBLINEAR fits them). */
class PairwiseRankingTest {

    @Test
    void theListedOrderIsScoredPairByPairEachSearchOnce() {
        PairwiseRanking.Judged rightOnce = judged(true, false, false); // 2 pairs, both in order
        PairwiseRanking.Judged wrongOnceOfTwo = judged(false, true, false); // 2 pairs, one in order
        PairwiseRanking.Judged noPair = judged(true, true);
        assertEquals(2, rightOnce.pairs());
        assertEquals((1.0 + 0.5) / 2, PairwiseRanking.pairAccuracy(null, List.of(rightOnce, wrongOnceOfTwo, noPair)),
                1e-12);
        assertTrue(Double.isNaN(PairwiseRanking.pairAccuracy(null, List.of(noPair))));
        assertThrows(IllegalArgumentException.class, () -> PairwiseRanking.train(List.of(noPair), 1, 7));
    }

    @Test
    void aModelLearnsWhatMakesAResultRelevantAndIsJudgedOnSearchesItDidNotSee() {
        // the second feature tells relevant results (higher) from the rest; the first is noise; listed at random
        Random random = new Random(3);
        List<PairwiseRanking.Judged> searches = new ArrayList<>();
        for (int q = 0; q < 20; q++) {
            List<PairwiseRanking.Row> rows = new ArrayList<>();
            for (int r = 0; r < 6; r++) {
                boolean relevant = r % 3 == 0;
                rows.add(new PairwiseRanking.Row(relevant,
                        new double[] {random.nextGaussian(), (relevant ? 1 : 0) + 0.3 * random.nextGaussian()}));
            }
            Collections.shuffle(rows, random);
            searches.add(new PairwiseRanking.Judged("q" + q, rows));
        }
        Model model = PairwiseRanking.train(searches, 1, 7);
        double[] values = PairwiseRanking.values(model, List.of(new PairwiseRanking.Row(true, new double[] {0, 1}),
                new PairwiseRanking.Row(false, new double[] {0, 0})));
        assertTrue(values[0] > values[1]);
        double cv = PairwiseRanking.crossValidated(searches, 1, 5, 7);
        double listed = PairwiseRanking.pairAccuracy(null, searches);
        assertTrue(cv > 0.9 && listed < 0.7, "cross-validated " + cv + ", listed " + listed);
    }

    private static PairwiseRanking.Judged judged(boolean... relevant) {
        List<PairwiseRanking.Row> rows = new ArrayList<>();
        for (boolean r : relevant) {
            rows.add(new PairwiseRanking.Row(r, new double[] {r ? 1 : 0}));
        }
        return new PairwiseRanking.Judged("q", rows);
    }
}
