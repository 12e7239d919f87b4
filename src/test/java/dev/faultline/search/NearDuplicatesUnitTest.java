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
    }
}
