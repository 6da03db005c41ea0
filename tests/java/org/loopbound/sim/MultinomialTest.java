package org.loopbound.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * Multinomial sampling by two interleaved chains (the split of k ≥ 16 atoms into halves, and the real plus synthetic
 * draws of {@link Multinomial#addFromBoth}) against the exact law: every draw places exactly n, and per atom the
 * mean and variance of the counts and the variance of the first half's total (which a wrong split would get wrong)
 * match. Each check is a normal-approximation test at level 10^−3 / (number of checks) with a fixed seed, so a
 * correct sampler fails the class with probability about 10^−3.
 */
class MultinomialTest {

    private static final int DRAWS = 20_000;
    private static final int K = 21;

    /** Weights 1..21 (total 231): unequal, odd k so that the second half has one atom more. */
    private static long[] weights() {
        long[] w = new long[K];
        for (int j = 0; j < K; j++) {
            w[j] = j + 1;
        }
        return w;
    }

    /** The binomial fourth central moment 3σ⁴ + σ²(1 − 6pq), σ² = npq. */
    private static double mu4(long n, double p) {
        double s2 = n * p * (1 - p);
        return 3 * s2 * s2 + s2 * (1 - 6 * p * (1 - p));
    }

    /** Standard error of the sample variance of M draws: sqrt((μ4 − σ⁴)/M), to O(1/M). */
    private static double varianceSe(double s2, double mu4) {
        return Math.sqrt((mu4 - s2 * s2) / DRAWS);
    }

    private static double z(int checks) {
        return NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - 0.5e-3 / checks);
    }

    @Test
    void twoHalvesGiveTheMultinomialLaw() {
        long[] w = weights();
        long total = K * (K + 1) / 2;
        long n = 1000;
        double[] p = new double[K];
        for (int j = 0; j < K; j++) {
            p[j] = (double) w[j] / total;
        }
        check(p, n, (rng, out) -> Multinomial.addFromWeights(rng, n, w, total, out), 11);
    }

    @Test
    void realAndSyntheticDrawsAddTwoIndependentMultinomials() {
        long[] w = weights();
        long total = K * (K + 1) / 2;
        AtomDistribution uniform = AtomDistribution.parse("uniform:" + K);
        long real = 300;
        long synthetic = 700;
        // X + Y with X ~ Mult(300, uniform), Y ~ Mult(700, w/total): mean and variance add per atom.
        double[] mean = new double[K];
        double[] variance = new double[K];
        double[] fourth = new double[K];
        for (int j = 0; j < K; j++) {
            double pu = 1.0 / K;
            double pw = (double) w[j] / total;
            mean[j] = real * pu + synthetic * pw;
            double vx = real * pu * (1 - pu);
            double vy = synthetic * pw * (1 - pw);
            variance[j] = vx + vy;
            // Fourth central moment of a sum of independent X and Y: μ4(X) + μ4(Y) + 6 Var X Var Y.
            fourth[j] = mu4(real, pu) + mu4(synthetic, pw) + 6 * vx * vy;
        }
        UniformRandomProvider rng = ReplicateStreams.forReplicate(77, 2);
        double zz = z(2 * K);
        double[] sum = new double[K];
        double[] sq = new double[K];
        for (int d = 0; d < DRAWS; d++) {
            long[] out = new long[K];
            Multinomial.addFromBoth(rng, real, uniform.conditional(), synthetic, w, total, out);
            long placed = 0;
            for (int j = 0; j < K; j++) {
                placed += out[j];
                sum[j] += out[j];
                sq[j] += (double) out[j] * out[j];
            }
            assertEquals(real + synthetic, placed, "every draw places exactly n + m");
        }
        for (int j = 0; j < K; j++) {
            double m = sum[j] / DRAWS;
            double v = (sq[j] - DRAWS * m * m) / (DRAWS - 1);
            assertEquals(mean[j], m, zz * Math.sqrt(variance[j] / DRAWS), "mean of atom " + j);
            assertEquals(variance[j], v, zz * varianceSe(variance[j], fourth[j]), "variance of atom " + j);
        }
    }

    @Test
    void weightsThatDoNotSumToTheTotalAreRejected() {
        long[] w = weights();
        UniformRandomProvider rng = ReplicateStreams.forReplicate(1, 1);
        assertThrows(IllegalArgumentException.class,
                () -> Multinomial.addFromWeights(rng, 100, w, 1000, new long[K]));
    }

    private interface Draw {
        void into(UniformRandomProvider rng, long[] out);
    }

    /** Per-atom mean and variance, and the variance of the total of atoms 0..half−1, for Multinomial(n, p). */
    private static void check(double[] p, long n, Draw draw, long seed) {
        UniformRandomProvider rng = ReplicateStreams.forReplicate(seed, 1);
        int half = K / 2;
        double zz = z(2 * K + 1);
        double[] sum = new double[K];
        double[] sq = new double[K];
        double halfSum = 0;
        double halfSq = 0;
        for (int d = 0; d < DRAWS; d++) {
            long[] out = new long[K];
            draw.into(rng, out);
            long placed = 0;
            long first = 0;
            for (int j = 0; j < K; j++) {
                placed += out[j];
                sum[j] += out[j];
                sq[j] += (double) out[j] * out[j];
                if (j < half) {
                    first += out[j];
                }
            }
            assertEquals(n, placed, "every draw places exactly n");
            halfSum += first;
            halfSq += (double) first * first;
        }
        for (int j = 0; j < K; j++) {
            double m = sum[j] / DRAWS;
            double v = (sq[j] - DRAWS * m * m) / (DRAWS - 1);
            double s2 = n * p[j] * (1 - p[j]);
            assertEquals(n * p[j], m, zz * Math.sqrt(s2 / DRAWS), "mean of atom " + j);
            assertEquals(s2, v, zz * varianceSe(s2, mu4(n, p[j])), "variance of atom " + j);
        }
        double pa = 0;
        for (int j = 0; j < half; j++) {
            pa += p[j];
        }
        double m = halfSum / DRAWS;
        double v = (halfSq - DRAWS * m * m) / (DRAWS - 1);
        double s2 = n * pa * (1 - pa);
        assertEquals(s2, v, zz * varianceSe(s2, mu4(n, pa)), "variance of the first half's total");
    }
}
