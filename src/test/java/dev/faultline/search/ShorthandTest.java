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
        String rear = shorthand.tsquery("front and rear baffle");
        assertTrue(rear.contains("'fwd'") && rear.contains("'aft'"), rear);
    }

    @Test
    void chineseWordsAreTheBigramsTheIndexHolds() {
        assertEquals(List.of("数据", "据库", "库故", "故障"), Shorthand.words("数据库故障"));
        // English part numbers inside Chinese text stay words; Chinese punctuation goes like any other
        assertEquals(List.of("db2", "数据", "据库", "宕机", "ora-01555"), Shorthand.words("DB2数据库，宕机 ORA-01555。"));
        assertEquals(List.of("错"), Shorthand.words("错"));
        assertEquals(List.of("'数据' & '据库'"), List.of(String.join(" & ", shorthand.groups("数据库"))));
        assertTrue(Cjk.has("主机A") && !Cjk.has("R/H CYL gskt"));
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
        // "valve cover" is a phrase of the dictionary (rocker cover): one group
        assertEquals(3, valveCover.size(), valveCover.toString());
        assertTrue(valveCover.get(0).equals("'oil'") && valveCover.get(2).contains("('valve' & 'cover')")
                && valveCover.get(2).contains("('rocker' & 'cover')"), valveCover.toString());
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

    @Test
    void wordsJoinedByASlashAreTheirWordsButOneLetterShorthandStaysWhole() {
        assertEquals(List.of("('insp' & 'repair')"), shorthand.groups("insp/repair"));
        assertTrue(shorthand.groups("outstanding").getFirst().contains("('out' & 'stding')"),
                shorthand.groups("outstanding").toString());
        assertTrue(shorthand.groups("left").getFirst().contains("'l/h'"), "one letter either side: one word");
    }

    @Test
    void sidesPositionsAndNegationAsTechniciansWriteThem() {
        List<String> left = shorthand.groups("left magneto");
        assertTrue(left.get(0).contains("'l/h'") && left.get(0).contains("'lh'") && left.get(0).contains("'lt'"),
                left.toString());
        assertTrue(left.get(1).contains("'mag'"), left.toString());
        // "number 3" and "#3" are the same position: the number alone, as full text indexes "#3 CYL"
        assertEquals(shorthand.groups("#3 cylinder"), shorthand.groups("number 3 cylinder"));
        assertEquals(shorthand.groups("#3 cylinder"), shorthand.groups("no. 3 cylinder"));
        assertTrue(shorthand.tsquery("tach inop").contains("('not' & 'working')"), shorthand.tsquery("tach inop"));
        assertTrue(shorthand.tsquery("valve cover").contains("('rocker' & 'cover')"), shorthand.tsquery("valve cover"));
    }

    @Test
    void learntFromMaintNormBothWays() {
        // scripts/learn-shorthand.mjs: "lft" was normalised to "left" 9 times of 9 in MaintNorm's validation split
        assertTrue(shorthand.tsquery("lft door").contains("'left'"), shorthand.tsquery("lft door"));
        assertTrue(shorthand.tsquery("left door").contains("'lft'"), shorthand.tsquery("left door"));
        assertTrue(shorthand.tsquery("fuel fltr").contains("'filter'"), shorthand.tsquery("fuel fltr"));
    }
}
