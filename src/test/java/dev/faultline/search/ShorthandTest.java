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
        String gauge = shorthand.tsquery("tachometer generator");
        assertTrue(gauge.contains("'tach'") && gauge.contains("'gen'"), gauge);
    }

    @Test
    void everyTermIsOptional() {
        assertEquals("'low' | 'compression'", shorthand.tsquery("low compression"));
    }

    @Test
    void groupsEachWordWithItsAlternativesAndPhrasesAsOne() {
        assertEquals(List.of("'low'", "'compression'"), shorthand.groups("low compression"));
        List<String> groups = shorthand.groups("right hand cyl leaking");
        assertEquals(3, groups.size(), groups.toString());
        assertTrue(groups.get(0).contains("('right' & 'hand')") && groups.get(0).contains("'r/h'"), groups.toString());
        assertTrue(groups.get(1).contains("'cyl'") && groups.get(1).contains("'cylinder'"), groups.toString());
        assertTrue(groups.get(2).startsWith("('leaking' | "), groups.toString());
        assertEquals(List.of(), shorthand.groups(" ... "));
        // stop words match nothing (PostgreSQL drops them): no group, unless they have an alternative ("w/")
        List<String> valveCover = shorthand.groups("oil leak at the valve cover");
        assertEquals(4, valveCover.size(), valveCover.toString());
        assertTrue(valveCover.get(0).equals("'oil'") && valveCover.get(2).contains("'valve'"), valveCover.toString());
        assertEquals(2, shorthand.groups("the oil leak").size());
        assertTrue(shorthand.groups("replaced with new").get(1).contains("'w/'"));
        assertEquals(List.of("'b' & 'c'", "'a' & 'c'", "'a' & 'b'"), Shorthand.allButOne(List.of("'a'", "'b'", "'c'")));
    }

    @Test
    void stripsPunctuationAndRejectsNothingToSearch() {
        assertEquals(List.of("3", "cyl", "leaking"), Shorthand.words("#3 CYL, leaking."));
        assertNull(shorthand.tsquery("  ... !! "));
        assertEquals("'its'", shorthand.tsquery("it's"));
    }
}
