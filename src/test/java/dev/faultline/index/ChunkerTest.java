package dev.faultline.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkerTest {

    @Test
    void shortTextsStayWhole() {
        assertEquals(List.of("R/H ENG INTAKE GSKT LEAKING"), Chunker.chunks(" R/H ENG INTAKE GSKT LEAKING ", 160, 40));
    }

    @Test
    void longTextsOverlap() {
        String text = String.join(" ", java.util.stream.IntStream.range(0, 25).mapToObj(i -> "w" + i).toList());
        List<String> chunks = Chunker.chunks(text, 10, 3);
        assertEquals("w0 w1 w2 w3 w4 w5 w6 w7 w8 w9", chunks.get(0));
        assertEquals("w7 w8 w9 w10 w11 w12 w13 w14 w15 w16", chunks.get(1));
        assertEquals("w21 w22 w23 w24", chunks.getLast());
        assertEquals(4, chunks.size());
    }
}
