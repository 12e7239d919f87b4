package dev.faultline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NearDuplicatesUnitTest {

    @Test
    void aRecordJoinsTheFirstBetterRankedLeaderItIsNearAndLeadersOnly() {
        // 2 is near 1; 3 is near 2 only (a chain), so it leads its own group; 4 is near 1 and 3: joins 1
        Map<Long, Set<Long>> near = Map.of(1L, Set.of(2L, 4L), 2L, Set.of(1L, 3L), 3L, Set.of(2L, 4L),
                4L, Set.of(1L, 3L));
        LinkedHashMap<Long, List<Long>> groups = NearDuplicates.group(List.of(1L, 2L, 3L, 4L, 5L), near);
        assertEquals(List.of(1L, 3L, 5L), List.copyOf(groups.keySet()));
        assertEquals(List.of(2L, 4L), groups.get(1L));
        assertEquals(List.of(), groups.get(3L));
    }

    @Test
    void sidesAndPositionsAsLogsWriteThem() {
        assertEquals(Set.of("#3", "right"), NearDuplicates.positions("#3 CYL R/H ENG INTAKE GSKT LEAKING"));
        assertEquals(Set.of("#3"), NearDuplicates.positions("NO. 3 CYLINDER LOW COMPRESSION"));
        assertEquals(Set.of("#3"), NearDuplicates.positions("CYL 3 low compression"));
        assertEquals(Set.of("left"), NearDuplicates.positions("LEFT MAG DROP 200 RPM, L/H MAG CHECKED"));
        assertEquals(Set.of(), NearDuplicates.positions("OIL LEAK AT ROCKER COVER, 40/80 PSI"));
        // Chinese plants write the number first: "2#循环水泵" is unit 2; "1.5#" is no unit
        assertEquals(Set.of("#2"), NearDuplicates.positions("2#循环水泵 轴承温度高"));
        assertEquals(Set.of("#5", "#12"), NearDuplicates.positions("5# 机主轴异响，12#注塑机正常"));
        assertEquals(Set.of(), NearDuplicates.positions("版本 1.5#注塑 参数"));
        assertEquals(Set.of("#2", "#3", "#4", "left"), NearDuplicates.positions("#2, 3 & 4 ROCKER COVERS LEAKING ON L/H ENG"));
        assertEquals(Set.of("#3"), NearDuplicates.positions("number 3 cylinder"));
        // front is forward and rear is aft, as logs write them
        assertEquals(NearDuplicates.positions("FWD BAFFLE CRACKED"), NearDuplicates.positions("front baffle cracked"));
        assertEquals(Set.of("aft", "left"), NearDuplicates.positions("left rear baffle crack"));
    }

    @Test
    void collapsesTextsThatReadAlikeButKeepsOtherSidesAndPositionsApart() {
        Map<Long, String> texts = Map.of(1L, "LEFT MAG DROP 200 RPM ON RUN UP.", 2L, "Left mag drop 200 rpm on run-up",
                3L, "RIGHT MAG DROP 200 RPM ON RUN UP.", 4L, "#2 CYL LOW COMPRESSION 40/80.",
                5L, "#3 CYL LOW COMPRESSION 40/80.", 6L, "#2 ROCKER COVER GASKET LEAKING.", 7L, "#2 ROCKER COVER LEAKING.");
        LinkedHashMap<Long, List<Long>> groups = NearDuplicates.collapse(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L),
                texts, 0.85);
        assertEquals(List.of(1L, 3L, 4L, 5L, 6L, 8L), List.copyOf(groups.keySet()), "8 has no text: on its own");
        assertEquals(List.of(2L), groups.get(1L));
        assertEquals(List.of(7L), groups.get(6L));
        assertEquals(List.of(), groups.get(4L));
    }

    @Test
    void aQuestionNamingASideOrPositionPutsThoseNamingOnlyAnotherLast() {
        Map<Long, String> texts = Map.of(1L, "R/H MAG DROP", 2L, "MAG TIMING CHECKED", 3L, "L/H MAG DROP", 4L,
                "LEFT MAGNETO REPLACED");
        assertEquals(List.of(2L, 3L, 4L, 1L, 5L), PositionOrder.order("left magneto", List.of(1L, 2L, 3L, 4L, 5L), texts));
        assertEquals(List.of(1L, 2L, 3L), PositionOrder.order("magneto drop", List.of(1L, 2L, 3L), texts));
    }

    @Test
    void theAssetsNumberedUnitLeadsTheTextWhenTheTextNamesNone() {
        assertEquals("2#循环水泵 轴承温度高", CandidateTexts.withUnit("轴承温度高", "2#循环水泵 P-201"));
        assertEquals("5#机主轴异响", CandidateTexts.withUnit("5#机主轴异响", "5#加工中心 VMC-05"));
        assertEquals("LEFT MAG DROP", CandidateTexts.withUnit("LEFT MAG DROP", "N12345 #2 engine"));
        assertEquals("x", CandidateTexts.withUnit("x", null));
    }
}
