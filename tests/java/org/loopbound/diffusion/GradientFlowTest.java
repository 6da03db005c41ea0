package org.loopbound.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import org.loopbound.sim.ReplicateStreams;

/** The Jacobi decomposition and the closed-form gradient flow A(τ) against explicit gradient-flow steps. */
class GradientFlowTest {

    private static final long SEED = 20260306L;

    private static ScoreMatching problem(int width, int n, long seed) {
        UniformRandomProvider rng = ReplicateStreams.forReplicate(seed, 0);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        GaussianMixture p0 = GaussianMixture.parse("1/2:-2:1/4,1/2:2:1/4");
        RandomFeatures f = RandomFeatures.draw(width, g);
        double[] data = new double[n];
        for (int i = 0; i < n; i++) {
            data[i] = p0.sample(rng, g);
        }
        return ScoreMatching.build(f, data, 3, 6, 1e-3, rng);
    }

    /** Explicit Euler for dA/dτ = b − A G with `steps` steps of size τ/steps. */
    private static double[] stepped(ScoreMatching p, double tau, int steps) {
        double[][] g = p.gram();
        double[] b = p.moment();
        double[] a = new double[b.length];
        double h = tau / steps;
        for (int s = 0; s < steps; s++) {
            double[] next = new double[a.length];
            for (int k = 0; k < a.length; k++) {
                double ag = 0;
                for (int l = 0; l < a.length; l++) {
                    ag += a[l] * g[l][k];
                }
                next[k] = a[k] + h * (b[k] - ag);
            }
            a = next;
        }
        return a;
    }

    private static double norm(double[] a) {
        double s = 0;
        for (double x : a) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    @Test
    void jacobiReconstructsSymmetricMatricesWithOrthonormalVectors() {
        qt().withFixedSeed(SEED).withExamples(30).forAll(integers().between(1, 25)).checkAssert(n -> {
            UniformRandomProvider rng = ReplicateStreams.forReplicate(SEED, n);
            double[][] s = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    s[i][j] = rng.nextDouble() * 2 - 1;
                    s[j][i] = s[i][j];
                }
            }
            SymmetricEigen e = SymmetricEigen.of(s);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double r = 0;
                    double o = 0;
                    for (int k = 0; k < n; k++) {
                        r += e.vector(i, k) * e.value(k) * e.vector(j, k);
                        o += e.vector(k, i) * e.vector(k, j);
                    }
                    assertEquals(s[i][j], r, 1e-12 * n, "V diag(λ) Vᵀ entry " + i + "," + j);
                    assertEquals(i == j ? 1 : 0, o, 1e-12 * n, "VᵀV entry " + i + "," + j);
                }
            }
        });
    }

    @Test
    void closedFormMatchesExplicitGradientFlowSteps() {
        ScoreMatching p = problem(24, 60, SEED);
        GradientFlow flow = new GradientFlow(p);
        for (double tau : new double[] {5, 200, 3000}) {
            double[] exact = flow.weights(tau);
            double[] coarse = stepped(p, tau, 2000);
            double[] fine = stepped(p, tau, 8000);
            double errCoarse = 0;
            double errFine = 0;
            for (int k = 0; k < exact.length; k++) {
                errCoarse = Math.max(errCoarse, Math.abs(coarse[k] - exact[k]));
                errFine = Math.max(errFine, Math.abs(fine[k] - exact[k]));
            }
            double scale = Math.max(norm(exact), 1e-12);
            // Euler is first order: the error must be small and shrink about 4-fold from 2000 to 8000 steps.
            assertTrue(errFine / scale < 1e-3, "tau " + tau + ": relative error " + errFine / scale);
            assertTrue(errFine <= errCoarse / 3 || errCoarse / scale < 1e-10,
                    "tau " + tau + ": not first-order convergent, " + errCoarse + " -> " + errFine);
        }
    }

    @Test
    void closedFormSolvesTheFlowEquationAndDecreasesTheLoss() {
        ScoreMatching p = problem(16, 40, SEED + 1);
        GradientFlow flow = new GradientFlow(p);
        double[][] g = p.gram();
        double[] b = p.moment();
        double previous = p.loss(flow.weights(0));
        assertEquals(0, norm(flow.weights(0)), 0);
        for (double tau = 1; tau < 1e6; tau *= 3) {
            double h = tau * 1e-5;
            double[] plus = flow.weights(tau + h);
            double[] minus = flow.weights(tau - h);
            double[] a = flow.weights(tau);
            for (int k = 0; k < a.length; k++) {
                double ag = 0;
                for (int l = 0; l < a.length; l++) {
                    ag += a[l] * g[l][k];
                }
                double derivative = (plus[k] - minus[k]) / (2 * h);
                assertEquals(b[k] - ag, derivative, 1e-5 * (Math.abs(b[k]) + Math.abs(ag) + 1e-9),
                        "dA/dtau at tau " + tau);
            }
            double loss = p.loss(a);
            assertTrue(loss <= previous + 1e-12, "loss rose at tau " + tau);
            previous = loss;
        }
    }

    @Test
    void filterHasItsLimits() {
        assertEquals(7, GradientFlow.filter(0, 7), 0);
        assertEquals(7, GradientFlow.filter(-1e-17, 7), 0);
        assertEquals(1 / 3.0, GradientFlow.filter(3, 1e3), 1e-15);
        assertEquals(1e-8 * (1 - 0.5e-16), GradientFlow.filter(1e-8, 1e-8), 1e-30);
    }
}
