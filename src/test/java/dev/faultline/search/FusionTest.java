package dev.faultline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FusionTest {

    @Test
    void recordsHighInBothListsWin() {
        var fused = Fusion.rrf(List.of(List.of(1L, 2L, 3L), List.of(3L, 2L, 4L)));
        // 3 (ranks 3 and 1) edges out 2 (ranks 2 and 2): 1/63 + 1/61 > 2/62
        assertEquals(List.of(3L, 2L, 1L, 4L), new ArrayList<>(fused.keySet()));
        assertEquals(1.0 / 62 + 1.0 / 62, fused.get(2L), 1e-12);
        assertEquals(1.0 / 61 + 1.0 / 63, fused.get(3L), 1e-12);
    }

    @Test
    void aLighterListMovesItsRecordsDown() {
        var fused = Fusion.rrf(List.of(List.of(1L, 2L), List.of(2L, 3L)), List.of(1.0, 0.5), Fusion.K);
        assertEquals(List.of(2L, 1L, 3L), new ArrayList<>(fused.keySet()));
        assertEquals(1.0 / 62 + 0.5 / 61, fused.get(2L), 1e-12);
        assertEquals(0.5 / 62, fused.get(3L), 1e-12);
    }

    @Test
    void aSmallKLetsTheTopOfOneListBeatARecordInBoth() {
        List<List<Long>> lists = List.of(List.of(1L, 2L, 3L), List.of(4L, 2L, 5L));
        List<Double> weights = List.of(1.0, 0.7);
        // k = 60: 2 (second in both, 1.7/62) leads; k = 0: the keyword list's first (1/1) leads 2 (1/2 + 0.7/2)
        assertEquals(List.of(2L, 1L, 3L, 4L, 5L), new ArrayList<>(Fusion.rrf(lists, weights, 60).keySet()));
        assertEquals(List.of(1L, 2L, 4L, 3L, 5L), new ArrayList<>(Fusion.rrf(lists, weights, 0).keySet()));
        assertEquals(1.0 + 0.0, Fusion.rrf(lists, weights, 0).get(1L), 1e-12);
    }

    @Test
    void listsOfOneKindAreAlternativesNotAddedUp() {
        // keyword lists of a question (kind 0, weight 1) and of its translation (kind 0, weight 0.5), one vector list
        List<List<Long>> lists = List.of(List.of(1L, 2L), List.of(2L, 3L), List.of(3L, 1L));
        var fused = Fusion.rrf(lists, List.of(1.0, 0.5, 0.7), List.of(0, 0, 1), 60);
        assertEquals(1.0 / 61 + 0.7 / 62, fused.get(1L), 1e-12);
        assertEquals(1.0 / 62, fused.get(2L), 1e-12, "the better of its two keyword ranks, not both");
        assertEquals(0.5 / 62 + 0.7 / 61, fused.get(3L), 1e-12);
        assertEquals(List.of(1L, 3L, 2L), new ArrayList<>(fused.keySet()));
        // each list a kind of its own: the weighted sum
        assertEquals(1.0 / 62 + 0.5 / 61, Fusion.rrf(lists, List.of(1.0, 0.5, 0.7), 60).get(2L), 1e-12);
    }

    @Test
    void aKeywordListsWeakPartWeighsLessAtItsOwnRanks() {
        // keyword list: 1 holds every word (strong), 2 and 3 only some; vector list: 3 first
        var keyword = new Fusion.Ranked(List.of(1L, 2L, 3L), 1.0, 0, 1, 0.5);
        var vectors = Fusion.Ranked.of(List.of(3L, 4L), 0.7, 1);
        var fused = Fusion.rrf(List.of(keyword, vectors), 60);
        assertEquals(1.0 / 61, fused.get(1L), 1e-12);
        assertEquals(0.5 / 62, fused.get(2L), 1e-12);
        assertEquals(0.5 / 63 + 0.7 / 61, fused.get(3L), 1e-12);
        assertEquals(List.of(3L, 1L, 4L, 2L), new ArrayList<>(fused.keySet()));
    }

    @Test
    void oneListKeepsItsOrder() {
        assertEquals(List.of(5L, 1L, 9L), new ArrayList<>(Fusion.rrf(List.of(List.of(5L, 1L, 9L))).keySet()));
        assertEquals(List.of(), new ArrayList<>(Fusion.rrf(List.of()).keySet()));
    }
}
