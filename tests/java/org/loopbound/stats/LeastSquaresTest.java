package org.loopbound.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LeastSquaresTest {

    @Test
    void slopeOfALineIsItsSlope() {
        assertEquals(-3, LeastSquares.slope(new double[] {0, 1, 2, 5}, new double[] {7, 4, 1, -8}), 1e-12);
    }

    @Test
    void slopeOfNoisyPointsIsTheNormalEquationsSolution() {
        // x̄ = 2, ȳ = 2; Σdx·dy = (−2)(−1) + (−1)(1) + 0 + 1·(−1) + 2·1 = 2; Σdx² = 10.
        assertEquals(0.2, LeastSquares.slope(new double[] {0, 1, 2, 3, 4}, new double[] {1, 3, 2, 1, 3}), 1e-12);
    }

    @Test
    void equalAbscissaeHaveNoSlope() {
        assertTrue(Double.isNaN(LeastSquares.slope(new double[] {2, 2}, new double[] {1, 3})));
        assertTrue(Double.isNaN(LeastSquares.slope(new double[] {2}, new double[] {1})));
        assertTrue(Double.isNaN(LeastSquares.slope(new double[0], new double[0])));
    }

    @Test
    void logLogSlopeRecoversAPowerLaw() {
        double[] n = {100, 400, 1600, 6400};
        double[] tau = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            tau[i] = 3.5 * Math.pow(n[i], 0.2);
        }
        assertEquals(0.2, LeastSquares.logLogSlope(n, tau), 1e-12);
        // D2's scaling on a grid of decades: best τ 1e6 at N = 100 and 1e7 at N = 400 give ln 10 / ln 4.
        assertEquals(Math.log(10) / Math.log(4), LeastSquares.logLogSlope(new double[] {100, 400},
                new double[] {1e6, 1e7}), 1e-12);
    }

    @Test
    void mismatchedLengthsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> LeastSquares.slope(new double[2], new double[3]));
        assertThrows(IllegalArgumentException.class, () -> LeastSquares.logLogSlope(new double[2], new double[1]));
    }
}
