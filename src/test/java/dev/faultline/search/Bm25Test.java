package dev.faultline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** BM25 over the candidates' words, with the table's document frequencies (no database: the scoring is Lucene's). */
class Bm25Test {

    @Test
    void aRareWordWeighsMoreThanACommonOneRepeated() {
        Map<Long, Bm25.Doc> candidates = new LinkedHashMap<>();
        candidates.put(1L, new Bm25.Doc(4, Map.of("故障", 3)));
        candidates.put(2L, new Bm25.Doc(2, Map.of("风扇", 1)));
        candidates.put(3L, new Bm25.Doc(1, Map.of()));
        // ts_rank puts record 1 first (the question's word three times); in a table of 1,000 records where 600 hold
        // "故障" and 4 hold "风扇", the fan record is the better answer
        List<Long> ranked = Bm25.rank(List.of("风扇", "故障"), candidates, Map.of("故障", 600L, "风扇", 4L), 1000);
        assertEquals(List.of(2L, 1L, 3L), ranked, "a candidate with none of the words stays, last");
    }

    @Test
    void theTablesFrequenciesNotTheCandidatesDecide() {
        Map<Long, Bm25.Doc> candidates = new LinkedHashMap<>();
        candidates.put(1L, new Bm25.Doc(3, Map.of("pump", 1)));
        candidates.put(2L, new Bm25.Doc(3, Map.of("seal", 1)));
        candidates.put(3L, new Bm25.Doc(3, Map.of("seal", 1)));
        candidates.put(4L, new Bm25.Doc(3, Map.of("seal", 1)));
        // among the candidates "pump" is the rarer word; in the table "seal" is
        assertEquals(1L, Bm25.rank(List.of("pump", "seal"), candidates, Map.of(), 4).getFirst(),
                "without the table's figures the candidates' own decide");
        assertEquals(2L, Bm25.rank(List.of("pump", "seal"), candidates, Map.of("pump", 5000L, "seal", 3L), 10_000)
                .getFirst());
    }

    @Test
    void aShorterRecordWithTheSameWordComesFirstAndTiesKeepTheirOrder() {
        Map<Long, Bm25.Doc> candidates = new LinkedHashMap<>();
        candidates.put(7L, new Bm25.Doc(12, Map.of("leak", 1)));
        candidates.put(8L, new Bm25.Doc(3, Map.of("leak", 1)));
        candidates.put(9L, new Bm25.Doc(3, Map.of("leak", 1)));
        assertEquals(List.of(8L, 9L, 7L), Bm25.rank(List.of("leak"), candidates, Map.of("leak", 10L), 100));
        assertEquals(List.of(7L, 8L, 9L), Bm25.rank(List.of(), candidates, Map.of(), 100), "no words: as given");
    }
}
