package org.loopbound.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The binomial sampler against the exact Binomial(n, p) law, in both regimes (inversion for n·min(p,1−p) &lt; 30,
 * transformed rejection otherwise) and mirrored (p &gt; ½). Every check is a test at level 10^−3 with a fixed seed,
 * so a correct sampler fails one with probability about 10^−3 per check (and, the seed being fixed, it either always
 * or never does); a sampler with a biased mean, a wrong spread or a wrong shape fails them.
 */
class BinomialSamplerTest {

    private static final int DRAWS = 100_000;
    /** Two-sided normal quantile at level 10^−3: |z| > 3.29 has probability 10^−3. */
    private static final double Z = NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - 0.5e-3);

    @ParameterizedTest(name = "n={0}, p={1}")
    @CsvSource({
        "20, 0.3",           // inversion
        "1000000, 0.00002",  // inversion, n p = 20 with large n
        "200, 0.9",          // mirrored: n (1-p) = 20, inversion on the mirror
        "1000, 0.5",         // transformed rejection
        "100000, 0.0004",    // transformed rejection just above the switch (n p = 40)
        "1000000000, 0.001", // transformed rejection with n = 10^9 (n p = 10^6)
        "5000, 0.97",        // mirrored transformed rejection (n (1-p) = 150)
    })
    void meanVarianceAndShapeMatchTheBinomialLaw(int n, double p) {
        UniformRandomProvider rng = ReplicateStreams.forReplicate(20240501L, (long) n ^ Double.doubleToLongBits(p));
        long[] x = new long[DRAWS];
        double sum = 0;
        for (int i = 0; i < DRAWS; i++) {
            x[i] = BinomialSampler.sample(rng, n, p);
            assertTrue(x[i] >= 0 && x[i] <= n);
            sum += x[i];
        }
        double mean = sum / DRAWS;
        double ss = 0;
        for (long v : x) {
            ss += (v - mean) * (v - mean);
        }
        double var = ss / (DRAWS - 1);
        double mu = n * p;
        double sigma2 = n * p * (1 - p);
        // Mean: the sample mean has standard error sqrt(n p q / M); reject beyond Z of them (level 1e-3).
        assertEquals(mu, mean, Z * Math.sqrt(sigma2 / DRAWS), "mean");
        // Variance: the sample variance has standard error sqrt((mu4 - sigma^4)/M) (to O(1/M)), with the binomial
        // fourth central moment mu4 = 3 (n p q)^2 + n p q (1 - 6 p q).
        double mu4 = 3 * sigma2 * sigma2 + sigma2 * (1 - 6 * p * (1 - p));
        assertEquals(sigma2, var, Z * Math.sqrt((mu4 - sigma2 * sigma2) / DRAWS), "variance");
        // Shape: chi-square goodness of fit on about 40 bins of equal probability under Bin(n, p).
        BinomialDistribution law = BinomialDistribution.of(n, p);
        List<Integer> edges = new ArrayList<>();
        for (int b = 1; b < 40; b++) {
            int e = law.inverseCumulativeProbability(b / 40.0);
            if (edges.isEmpty() || e > edges.get(edges.size() - 1)) {
                edges.add(e);
            }
        }
        int bins = edges.size() + 1;
        long[] observed = new long[bins];
        for (long v : x) {
            int b = 0;
            while (b < edges.size() && v > edges.get(b)) {
                b++;
            }
            observed[b]++;
        }
        double chi2 = 0;
        double previous = 0;
        for (int b = 0; b < bins; b++) {
            double cdf = b < edges.size() ? law.cumulativeProbability(edges.get(b)) : 1;
            double expected = DRAWS * (cdf - previous);
            previous = cdf;
            assertTrue(expected >= 5, "bins must expect at least 5 draws for the chi-square approximation");
            chi2 += (observed[b] - expected) * (observed[b] - expected) / expected;
        }
        double critical = ChiSquaredDistribution.of(bins - 1.0).inverseCumulativeProbability(1 - 1e-3);
        assertTrue(chi2 < critical, "chi-square " + chi2 + " above its 1e-3 critical value " + critical
                + " with " + (bins - 1) + " degrees of freedom");
    }

    /**
     * Every value's frequency, not only 40 bins: the acceptance test has four branches (squeeze, product of pmf
     * ratios for |k − m| ≤ 15, squeeze on the log ratio, Stirling's series), and the last two decide only candidates
     * in the tails, which equal-probability bins lump together. Small n·p·(1−p) puts many draws there; values whose
     * expected count is below 5 are pooled with their neighbours toward the mode. Level 10^−3, fixed seed.
     */
    @ParameterizedTest(name = "n={0}, p={1}")
    @CsvSource({"100, 0.4", "64, 0.5", "400, 0.1", "2000, 0.985"})
    void everyValueHasItsBinomialFrequency(int n, double p) {
        int draws = 1_000_000;
        UniformRandomProvider rng = ReplicateStreams.forReplicate(7, (long) n ^ Double.doubleToLongBits(p));
        long[] observed = new long[n + 1];
        for (int i = 0; i < draws; i++) {
            observed[(int) BinomialSampler.sample(rng, n, p)]++;
        }
        BinomialDistribution law = BinomialDistribution.of(n, p);
        int mode = (int) Math.floor((n + 1) * p);
        // Pool each tail from its end toward the mode until a cell expects at least 5 draws; what is left of a
        // tail joins the mode's cell.
        List<double[]> cells = new ArrayList<>();
        double[] modeCell = {observed[mode], draws * law.probability(mode)};
        for (int side = 0; side < 2; side++) {
            double pooledObserved = 0;
            double pooledExpected = 0;
            int length = side == 0 ? mode : n - mode;
            for (int i = 0; i < length; i++) {
                int x = side == 0 ? i : n - i;
                pooledObserved += observed[x];
                pooledExpected += draws * law.probability(x);
                if (pooledExpected >= 5) {
                    cells.add(new double[] {pooledObserved, pooledExpected});
                    pooledObserved = 0;
                    pooledExpected = 0;
                }
            }
            modeCell[0] += pooledObserved;
            modeCell[1] += pooledExpected;
        }
        cells.add(modeCell);
        double chi2 = 0;
        for (double[] cell : cells) {
            chi2 += (cell[0] - cell[1]) * (cell[0] - cell[1]) / cell[1];
        }
        double critical = ChiSquaredDistribution.of(cells.size() - 1.0).inverseCumulativeProbability(1 - 1e-3);
        assertTrue(chi2 < critical, "chi-square " + chi2 + " above its 1e-3 critical value " + critical
                + " with " + (cells.size() - 1) + " degrees of freedom");
    }

    @Test
    void degenerateCasesAreExact() {
        UniformRandomProvider rng = ReplicateStreams.forReplicate(1, 1);
        assertEquals(0, BinomialSampler.sample(rng, 0, 0.5));
        assertEquals(0, BinomialSampler.sample(rng, 1_000_000_000_000L, 0));
        assertEquals(1_000_000_000_000L, BinomialSampler.sample(rng, 1_000_000_000_000L, 1));
        long big = BinomialSampler.sample(rng, 1_000_000_000_000L, 0.5);
        // sd = 5e5: 10 sd either side is a deterministic sanity range for this seed.
        assertTrue(Math.abs(big - 500_000_000_000L) < 5_000_000L, Long.toString(big));
    }

    @Test
    void rejectsInvalidParameters() {
        UniformRandomProvider rng = ReplicateStreams.forReplicate(1, 1);
        assertThrows(IllegalArgumentException.class, () -> BinomialSampler.sample(rng, -1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> BinomialSampler.sample(rng, 10, 1.5));
        assertThrows(IllegalArgumentException.class, () -> BinomialSampler.sample(rng, 10, Double.NaN));
    }
}
