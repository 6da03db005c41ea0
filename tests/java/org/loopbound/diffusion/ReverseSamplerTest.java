package org.loopbound.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.loopbound.param.ParameterException;
import org.loopbound.sim.ReplicateStreams;

/**
 * The oracle sampler (exact score) reproduces p₀ within a stated TV at a given step count.
 *
 * <p>Statement tested: for p₀ = ½N(−2, ¼) + ½N(2, ¼), T = 6, t_min = 10^−3, K = 1000 steps for the reverse SDE
 * (Euler–Maruyama, first order) and K = 200 for the probability-flow ODE (Heun, second order), the histogram estimate
 * of TV(sampler output, p₀) from n = 40000 draws (40 bins + 2 tails) is below 0.03. The estimator's noise floor at
 * this n is about 0.013 (its mean for an exact sampler), its standard deviation at most 1/√(2n) = 0.0035
 * (Efron–Stein), and the cut-off bias TV(p_{t_min}, p₀) is about 10^−3; so 0.03 leaves room for a discretization
 * error of about 0.01. A sampler with a wrong score, or with far too few steps, must exceed it.
 */
class ReverseSamplerTest {

    private static final long SEED = 20260307L;
    private static final GaussianMixture P0 = GaussianMixture.parse("1/2:-2:1/4,1/2:2:1/4");
    private static final HistogramTv TV = HistogramTv.covering(P0, 40);
    private static final int N = 40_000;
    private static final double STATED_TV = 0.03;

    private static HistogramTv.Estimate run(ReverseSampler.Method m, int steps, ScoreFunction score) {
        ReverseSampler s = new ReverseSampler(m, 6, steps, 1e-3);
        return TV.estimate(s.sample(score, ReplicateStreams.forReplicate(SEED, steps), N));
    }

    @Test
    void sdeSamplerWithExactScoreReproducesP0() {
        HistogramTv.Estimate e = run(ReverseSampler.Method.SDE, 1000, P0.score());
        assertTrue(e.tv() < STATED_TV, "TV estimate " + e.tv() + " (noise floor " + e.noiseFloor() + ")");
        assertTrue(e.noiseFloor() > 0.005 && e.noiseFloor() < 0.02, "noise floor " + e.noiseFloor());
    }

    @Test
    void odeSamplerWithExactScoreReproducesP0() {
        HistogramTv.Estimate e = run(ReverseSampler.Method.ODE, 200, P0.score());
        assertTrue(e.tv() < STATED_TV, "TV estimate " + e.tv());
    }

    @Test
    void theCheckDetectsAWrongScoreAndTooFewSteps() {
        GaussianMixture shifted = GaussianMixture.parse("1/2:-2:1/4,1/2:3:1/4");
        assertTrue(run(ReverseSampler.Method.SDE, 200, shifted.score()).tv() > 0.2);
        assertTrue(run(ReverseSampler.Method.SDE, 3, P0.score()).tv() > STATED_TV);
        assertTrue(run(ReverseSampler.Method.SDE, 200, (x, t) -> 0).tv() > 0.5);
    }

    @Test
    void samplesAreAPureFunctionOfTheStream() {
        ReverseSampler s = new ReverseSampler(ReverseSampler.Method.SDE, 5, 20, 0.01);
        double[] a = s.sample(P0.score(), ReplicateStreams.forReplicate(SEED, 1), 100);
        double[] b = s.sample(P0.score(), ReplicateStreams.forReplicate(SEED, 1), 100);
        assertTrue(java.util.Arrays.equals(a, b));
    }

    @Test
    void badParametersAreRejected() {
        assertEquals("t₀", assertThrows(ParameterException.class,
                () -> new ReverseSampler(ReverseSampler.Method.SDE, 1, 10, 2)).symbol());
        assertEquals("K", assertThrows(ParameterException.class,
                () -> new ReverseSampler(ReverseSampler.Method.ODE, 1, 0, 0.1)).symbol());
        // A horizon outside its domain is blamed on T, not on the cut-off whose domain (0, T) it empties.
        ParameterException h = assertThrows(ParameterException.class,
                () -> new ReverseSampler(ReverseSampler.Method.SDE, -5, 10, 0.001));
        assertEquals("T must be in (0, 100], got -5.0", h.getMessage());
        assertEquals("T", assertThrows(ParameterException.class,
                () -> new ReverseSampler(ReverseSampler.Method.SDE, 101, 10, 0.001)).symbol());
        assertThrows(IllegalArgumentException.class, () -> TV.estimate(new double[0]));
    }
}
