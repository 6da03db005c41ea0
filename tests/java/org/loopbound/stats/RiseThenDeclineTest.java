package org.loopbound.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The rise-then-decline test rejects on a clearly peaked curve, does not on a monotone or flat one, and Holm's
 * procedure follows its step-down definition.
 */
public class RiseThenDeclineTest {

    /** values[t][r] = shape[t] + noise·N(0, 1). */
    public static double[][] curve(double[] shape, double noise, int reps, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] v = new double[shape.length][reps];
        for (int t = 0; t < shape.length; t++) {
            for (int r = 0; r < reps; r++) {
                double z = Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
                v[t][r] = shape[t] + noise * z;
            }
        }
        return v;
    }

    @Test
    void aPeakedCurveRisesThenDeclines() {
        RiseThenDecline.Outcome o = RiseThenDecline.test(curve(new double[] {1, 1.5, 2, 1.5, 1.1}, 0.2, 40, 1));
        assertEquals(2, o.peak());
        assertTrue(o.p() < 1e-6, o.toString());
    }

    @Test
    void aMonotoneCurveDoesNot() {
        RiseThenDecline.Outcome o = RiseThenDecline.test(curve(new double[] {1, 1.2, 1.4, 1.6, 1.8}, 0.2, 40, 2));
        assertTrue(o.p() > 0.5, o.toString());
        RiseThenDecline.Outcome flat = RiseThenDecline.test(curve(new double[] {1, 1, 1, 1, 1}, 0.2, 40, 3));
        assertTrue(flat.p() > 0.01, flat.toString());
    }

    @Test
    void holmStepsDown() {
        assertArrayEquals(new boolean[] {true, true, false}, RiseThenDecline.holm(new double[] {0.01, 0.02, 0.5},
                0.05));
        // 0.02 > 0.05/3, so nothing is rejected although 0.02 < 0.05
        assertArrayEquals(new boolean[] {false, false, false}, RiseThenDecline.holm(new double[] {0.02, 0.02, 0.02},
                0.05));
        assertArrayEquals(new boolean[] {true, false, true}, RiseThenDecline.holm(new double[] {0.001, 0.9, 0.02},
                0.05));
        assertThrows(IllegalArgumentException.class, () -> RiseThenDecline.holm(new double[] {0.1}, 1));
    }

    @Test
    void refusesTooFewPointsOrReplicates() {
        assertThrows(IllegalArgumentException.class, () -> RiseThenDecline.test(new double[2][10]));
        assertThrows(IllegalArgumentException.class, () -> RiseThenDecline.test(new double[3][3]));
    }
}
