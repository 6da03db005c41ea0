package org.loopbound.kde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import org.loopbound.arith.Rational;
import org.loopbound.diffusion.GaussianMixture;
import org.loopbound.param.ParameterException;
import org.loopbound.sim.ReplicateStreams;

/** The Gaussian KDE: density, sampling, Silverman's rule, and the quadrature TV. */
class GaussianKdeTest {

    private static final long SEED = 20260309L;

    @Test
    void densityIntegratesToOneAndMatchesTheDirectSum() {
        qt().withFixedSeed(SEED).withExamples(40).forAll(integers().between(1, 60), doubles().between(0.05, 2))
                .checkAssert((n, h) -> {
                    UniformRandomProvider rng = ReplicateStreams.forReplicate(SEED, n);
                    double[] data = new double[n];
                    for (int i = 0; i < n; i++) {
                        data[i] = rng.nextDouble() * 6 - 3;
                    }
                    GaussianKde kde = new GaussianKde(data, h);
                    double dx = h / 40;
                    double sum = 0;
                    for (double x = -3 - 12 * h; x <= 3 + 12 * h; x += dx) {
                        sum += kde.density(x) * dx;
                    }
                    assertEquals(1, sum, 1e-6);
                    double x = rng.nextDouble() * 6 - 3;
                    double direct = 0;
                    for (double d : data) {
                        direct += Math.exp(-0.5 * (x - d) * (x - d) / (h * h)) / (Math.sqrt(2 * Math.PI) * h * n);
                    }
                    assertEquals(direct, kde.density(x), 1e-15 + 1e-12 * direct);
                });
    }

    @Test
    void samplesHaveTheDataMeanAndTheVariancePlusHSquared() {
        double[] data = {-1, 0, 0.5, 2, 3.5};
        double h = 0.7;
        GaussianKde kde = new GaussianKde(data, h);
        UniformRandomProvider rng = ReplicateStreams.forReplicate(SEED, 0);
        double[] x = kde.sample(rng, ZigguratSampler.NormalizedGaussian.of(rng), 200_000);
        double mean = 1.0;
        double var = (1 + 0 + 0.25 + 4 + 12.25) / 5 - mean * mean + h * h;
        double s = 0;
        double ss = 0;
        for (double v : x) {
            s += v;
            ss += v * v;
        }
        // 4.5 standard errors: a correct sampler fails with probability < 1e-5.
        assertEquals(mean, s / x.length, 4.5 * Math.sqrt(var / x.length));
        assertEquals(var, ss / x.length - (s / x.length) * (s / x.length), 0.04);
    }

    @Test
    void silvermanFollowsItsFormulaAndFixedIsExact() {
        double[] data = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        // sd = √(55/6) = 3.0277, IQR (type 7) = 7.75 − 3.25 = 4.5, 4.5/1.34 = 3.358: min is sd.
        double expected = 0.9 * Math.sqrt(55.0 / 6) * Math.pow(10, -0.2);
        assertEquals(expected, Bandwidth.silverman().choose(data), 1e-14);
        assertEquals(0.2, Bandwidth.fixed(Rational.of(1, 5)).choose(data), 0);
        assertThrows(ArithmeticException.class, () -> Bandwidth.silverman().choose(new double[] {2, 2, 2}));
        assertEquals("h", assertThrows(ParameterException.class, () -> Bandwidth.fixed(Rational.ZERO)).symbol());
    }

    @Test
    void quadratureTvMatchesAClosedForm() {
        // One point at 0 with bandwidth 1 is N(0, 1) itself: TV 0. Against N(1, 1): TV = 2Φ(1/2) − 1 = 0.382925;
        // the stated quadrature accuracy is 1e-3 relative (the kink of |p̂ − p₀| at the crossing limits it).
        GaussianKde kde = new GaussianKde(new double[] {0}, 1);
        assertEquals(0, KdeTv.distance(kde, GaussianMixture.parse("1:0:1")), 1e-9);
        assertEquals(0.3829249225480262, KdeTv.distance(kde, GaussianMixture.parse("1:1:1")), 3.8e-4);
    }
}
