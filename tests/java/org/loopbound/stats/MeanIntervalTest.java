package org.loopbound.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The replicate mean and its Student-t interval, against SciPy's {@code stats.t.interval}. */
class MeanIntervalTest {

    @Test
    void intervalMatchesScipy() {
        MeanInterval m = MeanInterval.of(new double[] {0.31, 0.35, 0.29, 0.40, 0.33}, 0.95);
        assertEquals(0.336, m.mean(), 1e-15);
        assertEquals(0.04219004621945798, m.sd(), 1e-15);
        // scipy.stats.t.interval(0.95, 4, loc=mean, scale=sd/sqrt(5))
        assertEquals(0.2836141385267462, m.lo(), 1e-12);
        assertEquals(0.3883858614732538, m.hi(), 1e-12);
        assertEquals(5, m.count());
        assertTrue(m.contains(0.3) && !m.contains(0.39));
    }

    @Test
    void aSingleReplicateHasAnUnboundedInterval() {
        MeanInterval m = MeanInterval.of(new double[] {0.5}, 0.95);
        assertEquals(Double.NEGATIVE_INFINITY, m.lo());
        assertEquals(Double.POSITIVE_INFINITY, m.hi());
    }

    @Test
    void perPositionAveragesEachGenerationOverTheReplicates() {
        List<List<Integer>> runs = List.of(List.of(1, 10, 100), List.of(3, 30, 300));
        List<MeanInterval> m = MeanInterval.perPosition(runs, Integer::doubleValue, 0.95);
        assertEquals(3, m.size());
        assertEquals(2, m.get(0).mean());
        assertEquals(20, m.get(1).mean());
        assertEquals(MeanInterval.of(new double[] {100, 300}, 0.95), m.get(2));
    }

    @Test
    void perPositionRefusesRaggedOrMissingReplicates() {
        assertThrows(IllegalArgumentException.class,
                () -> MeanInterval.perPosition(List.of(List.of(1), List.of(1, 2)), Integer::doubleValue, 0.95));
        assertThrows(IllegalArgumentException.class,
                () -> MeanInterval.perPosition(List.<List<Integer>>of(), Integer::doubleValue, 0.95));
    }
}
