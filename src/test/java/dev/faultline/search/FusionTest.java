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
        var fused = Fusion.rrf(List.of(List.of(1L, 2L), List.of(2L, 3L)), List.of(1.0, 0.5));
        assertEquals(List.of(2L, 1L, 3L), new ArrayList<>(fused.keySet()));
        assertEquals(1.0 / 62 + 0.5 / 61, fused.get(2L), 1e-12);
        assertEquals(0.5 / 62, fused.get(3L), 1e-12);
    }

    @Test
    void oneListKeepsItsOrder() {
        assertEquals(List.of(5L, 1L, 9L), new ArrayList<>(Fusion.rrf(List.of(List.of(5L, 1L, 9L))).keySet()));
        assertEquals(List.of(), new ArrayList<>(Fusion.rrf(List.of()).keySet()));
    }
}
