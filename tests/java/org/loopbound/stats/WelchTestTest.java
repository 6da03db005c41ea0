package org.loopbound.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The one-sided Welch test against SciPy's {@code ttest_ind(equal_var=False, alternative='greater')}. */
class WelchTestTest {

    private static final double[] A = {0.31, 0.35, 0.29, 0.40, 0.33};
    private static final double[] B = {0.21, 0.25, 0.22, 0.19};

    @Test
    void pValueMatchesScipy() {
        MeanInterval a = MeanInterval.of(A, 0.95);
        MeanInterval b = MeanInterval.of(B, 0.95);
        // scipy.stats.ttest_ind(A, B, equal_var=False, alternative='greater').pvalue
        assertEquals(0.0007282947906298641, WelchTest.greater(a, b), 1e-12);
        // The reverse alternative is the complement.
        assertEquals(1 - 0.0007282947906298641, WelchTest.greater(b, a), 1e-12);
    }

    @Test
    void equalMeansGiveOneHalf() {
        MeanInterval a = MeanInterval.of(A, 0.95);
        assertEquals(0.5, WelchTest.greater(a, a), 1e-12);
    }

    @Test
    void constantCellsCompareTheirMeans() {
        MeanInterval hi = MeanInterval.of(new double[] {2, 2, 2}, 0.95);
        MeanInterval lo = MeanInterval.of(new double[] {1, 1}, 0.95);
        assertEquals(0, WelchTest.greater(hi, lo));
        assertEquals(1, WelchTest.greater(lo, hi));
        assertEquals(1, WelchTest.greater(lo, lo));
    }

    @Test
    void aSingleReplicateIsRefused() {
        MeanInterval one = MeanInterval.of(new double[] {1}, 0.95);
        MeanInterval a = MeanInterval.of(A, 0.95);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WelchTest.greater(one, a));
        assertTrue(e.getMessage().contains("2 replicates"), e.getMessage());
    }
}
