package org.loopbound.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import org.loopbound.param.ParameterException;
import org.loopbound.sim.ReplicateStreams;

/** The mixture, its OU marginals and the exact score of the noised mixture. */
class GaussianMixtureTest {

    private static final long SEED = 20260305L;
    private static final GaussianMixture P0 = GaussianMixture.parse("1/2:-2:1/4,3/10:1:1/9,1/5:3:2");

    @Test
    void exactScoreMatchesFiniteDifferencesOfTheLogDensity() {
        // Central differences with step e: error ≤ e²/6·max|(log p)'''| + 2·ulp/e; e = 1e-4 gives ~1e-7 here.
        qt().withFixedSeed(SEED).withExamples(500)
                .forAll(doubles().between(-6, 6), doubles().between(0.001, 8))
                .checkAssert((x, t) -> {
                    GaussianMixture pt = P0.marginal(t);
                    double e = 1e-4;
                    double fd = (pt.logDensity(x + e) - pt.logDensity(x - e)) / (2 * e);
                    double s = P0.score().score(x, t);
                    assertEquals(fd, s, 1e-5 * (1 + Math.abs(s)), "x = " + x + ", t = " + t);
                });
    }

    @Test
    void marginalTendsToTheStandardNormalPrior() {
        GaussianMixture far = P0.marginal(30);
        for (double x : new double[] {-2, 0, 0.5, 3}) {
            assertEquals(Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI), far.density(x), 1e-12);
        }
        GaussianMixture zero = P0.marginal(0);
        assertEquals(P0.density(0.3), zero.density(0.3), 1e-15);
    }

    @Test
    void densityIntegratesToOneAndCdfIsItsIntegral() {
        double sum = 0;
        double dx = 1e-3;
        for (double x = -12; x < 12; x += dx) {
            sum += P0.density(x + dx / 2) * dx;
        }
        assertEquals(1, sum, 1e-6);
        assertEquals(P0.cdf(1) - P0.cdf(-1), integral(-1, 1), 1e-7);
    }

    private static double integral(double a, double b) {
        int n = 20000;
        double h = (b - a) / n;
        double s = 0;
        for (int k = 0; k < n; k++) {
            s += P0.density(a + (k + 0.5) * h) * h;
        }
        return s;
    }

    @Test
    void samplesHaveTheMixtureMeanAndVariance() {
        // mean = Σ w μ = -1 + 0.3 + 0.6 = -0.1; E x² = Σ w (σ² + μ²) = 0.5·4.25 + 0.3·(1/9 + 1) + 0.2·11 = 4.6583….
        double mean = -0.1;
        double second = 0.5 * 4.25 + 0.3 * (1.0 / 9 + 1) + 0.2 * 11;
        double var = second - mean * mean;
        UniformRandomProvider rng = ReplicateStreams.forReplicate(SEED, 0);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        int n = 200_000;
        double s = 0;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double x = P0.sample(rng, g);
            s += x;
            ss += x * x;
        }
        // 4.5 standard errors of the mean (sd ≈ 2.16): fails with probability < 1e-5 for a correct sampler.
        assertEquals(mean, s / n, 4.5 * Math.sqrt(var / n));
        assertEquals(var, ss / n - (s / n) * (s / n), 0.05);
    }

    @Test
    void badSpecificationsNameTheParameterP0() {
        ParameterException e = assertThrows(ParameterException.class,
                () -> GaussianMixture.parse("1/2:0:1,1/3:1:1"));
        assertEquals("p₀", e.symbol());
        assertTrue(e.getMessage().contains("p₀ weights must sum to exactly 1"), e.getMessage());
        e = assertThrows(ParameterException.class, () -> GaussianMixture.parse("1:0:0"));
        assertTrue(e.getMessage().contains("p₀ variances must be > 0"), e.getMessage());
        e = assertThrows(ParameterException.class, () -> GaussianMixture.parse("1:0"));
        assertTrue(e.getMessage().contains("weight:mean:variance"), e.getMessage());
        e = assertThrows(ParameterException.class, () -> GaussianMixture.parse("1:0:1e99999"));
        assertTrue(e.getMessage().contains("within the range of doubles"), e.getMessage());
        GaussianMixture far = GaussianMixture.parse("1:1e300:1");
        e = assertThrows(ParameterException.class, () -> HistogramTv.covering(far, 10));
        assertTrue(e.getMessage().startsWith("p₀ must have a range"), e.getMessage());
    }
}
