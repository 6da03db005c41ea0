package org.loopbound.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The exponent of a curve's argmin in the size: synthetic curves (ln x − a ln n − c)² plus noise, whose minimum
 * moves as n^a, recover a; the bootstrap interval excludes a wrong exponent (so a verdict built on it can fail),
 * an argmin on the grid's edge is reported as not interior, and equal seeds give equal intervals.
 */
class ArgminExponentTest {

    private static final double[] SIZES = {50, 100, 200, 400, 800};

    /** A grid of 8 points per decade over 10^0…10^6. */
    private static double[] grid() {
        double[] g = new double[49];
        for (int j = 0; j < g.length; j++) {
            g[j] = Math.pow(10, j / 8.0);
        }
        return g;
    }

    /** values[a][r][t] = (ln x_t − a ln n_a − c)² + noise·N(0, 1). */
    private static double[][][] curves(double exponent, double c, double noise, int reps, long seed) {
        double[] g = grid();
        SplittableRandom rng = new SplittableRandom(seed);
        double[][][] v = new double[SIZES.length][reps][g.length];
        for (int a = 0; a < SIZES.length; a++) {
            for (int r = 0; r < reps; r++) {
                for (int t = 0; t < g.length; t++) {
                    double d = Math.log(g[t]) - exponent * Math.log(SIZES[a]) - c;
                    double z = Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
                    v[a][r][t] = d * d + noise * z;
                }
            }
        }
        return v;
    }

    @Test
    void recoversTheExponentAndExcludesAWrongOne() {
        ArgminExponent.Fit fit = ArgminExponent.fit(SIZES, grid(), curves(1, 0, 0.5, 20, 1), 500, 0.95, 7);
        assertTrue(fit.interior());
        assertEquals(1, fit.exponent(), 0.1);
        assertTrue(fit.lo() <= fit.exponent() && fit.exponent() <= fit.hi(), fit.toString());
        assertFalse(fit.consistentWith(0.2), fit.toString());
    }

    @Test
    void aFifthPowerIsConsistentWithOneFifth() {
        ArgminExponent.Fit fit = ArgminExponent.fit(SIZES, grid(), curves(0.2, 3, 2, 20, 2), 500, 0.95, 7);
        assertTrue(fit.consistentWith(0.2), fit.toString());
    }

    @Test
    void anArgminOnTheEdgeIsNotInteriorAndNeverConsistent() {
        // the minimum of the largest sizes lies beyond 10^6
        ArgminExponent.Fit fit = ArgminExponent.fit(SIZES, grid(), curves(3, 0, 0, 4, 3), 100, 0.95, 7);
        assertFalse(fit.interior());
        assertEquals(fit.best().get(SIZES.length - 1), grid().length - 1);
        assertFalse(fit.consistentWith(fit.exponent()));
    }

    @Test
    void equalSeedsGiveEqualIntervals() {
        double[][][] v = curves(0.5, 1, 3, 6, 4);
        assertEquals(ArgminExponent.fit(SIZES, grid(), v, 300, 0.95, 11),
                ArgminExponent.fit(SIZES, grid(), v, 300, 0.95, 11));
        assertEquals(List.of(0, 0), ArgminExponent.fit(new double[] {1, 2}, new double[] {1, 2, 3},
                new double[][][] {{{0, 1, 2}}, {{0, 1, 2}}}, 1, 0.95, 1).best());
    }

    @Test
    void refusesMismatchedShapes() {
        assertThrows(IllegalArgumentException.class, () -> ArgminExponent.fit(new double[] {1}, grid(),
                new double[1][1][grid().length], 10, 0.95, 1));
        assertThrows(IllegalArgumentException.class, () -> ArgminExponent.fit(SIZES, grid(),
                new double[SIZES.length][1][3], 10, 0.95, 1));
        assertThrows(IllegalArgumentException.class, () -> ArgminExponent.fit(SIZES, grid(),
                curves(1, 0, 0, 2, 1), 0, 0.95, 1));
    }
}
