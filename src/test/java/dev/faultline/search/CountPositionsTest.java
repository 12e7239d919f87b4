package dev.faultline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CountPositionsTest {

    @Test
    void aSmallNumberIsBoundToTheWordBesideItInEitherOrder() {
        assertEquals(List.of("('3' <-> ('cylinder' | 'cyl') | ('cylinder' | 'cyl') <-> '3')", "'low'"),
                CountService.positions(List.of("'3'", "('cylinder' | 'cyl')", "'low'")));
        assertEquals(List.of("'engine'", "('2' <-> 'shutdown' | 'shutdown' <-> '2')"),
                CountService.positions(List.of("'engine'", "'2'", "'shutdown'")));
        assertEquals(List.of("('5' <-> 'pump' | 'pump' <-> '5')"),
                CountService.positions(List.of("'pump'", "'5'")), "the last word binds to the one before");
        assertEquals(List.of("'150'", "'rpm'"), CountService.positions(List.of("'150'", "'rpm'")),
                "a value, not a position");
        assertEquals(List.of("'2'", "(('landing' & 'gear') | 'ldg')"),
                CountService.positions(List.of("'2'", "(('landing' & 'gear') | 'ldg')")),
                "no phrase over several words");
        assertEquals(List.of("'3'"), CountService.positions(List.of("'3'")));
    }
}
