package dev.faultline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShorthandTest {

    final Shorthand shorthand = Shorthand.load();

    @Test
    void expandsShorthandAndItsExpansionBothWays() {
        String q = shorthand.tsquery("R/H CYL gskt");
        assertTrue(q.contains("'r/h'") && q.contains("('right' & 'hand')"), q);
        assertTrue(q.contains("'cylinder'") && q.contains("'gasket'"), q);
        String back = shorthand.tsquery("right hand cylinder");
        assertTrue(back.contains("'r/h'") && back.contains("'cyl'"), back);
    }

    @Test
    void everyTermIsOptional() {
        assertEquals("'low' | 'compression'", shorthand.tsquery("low compression"));
    }

    @Test
    void stripsPunctuationAndRejectsNothingToSearch() {
        assertEquals(List.of("3", "cyl", "leaking"), Shorthand.words("#3 CYL, leaking."));
        assertNull(shorthand.tsquery("  ... !! "));
        assertEquals("'its'", shorthand.tsquery("it's"));
    }
}
