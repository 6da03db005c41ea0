package org.loopbound.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.bound.Scenario;
import org.loopbound.bound.ScenarioArguments;
import org.loopbound.bound.ScenarioParameter;
import org.loopbound.bound.Schedule;
import org.loopbound.param.ParameterException;

/** The diffusion loop: the U-shape in τ, reproducibility, the D2 rule and stratified counts. */
class DiffusionLoopTest {

    private static final long SEED = 20260308L;
    private static final GaussianMixture P0 = GaussianMixture.parse("1/2:-2:1/4,1/2:2:1/4");

    private static DiffusionLoop.Settings settings(int width, int evalSamples) {
        ReverseSampler s = new ReverseSampler(ReverseSampler.Method.SDE, 6, 60, 1e-3);
        return new DiffusionLoop.Settings(P0, width, 1, s, HistogramTv.covering(P0, 30), evalSamples);
    }

    private static Schedule schedule(Scenario sc, int generations, long n, Rational lambda) {
        return sc.schedule(ScenarioArguments.of(generations).with(ScenarioParameter.N, BigInteger.valueOf(n))
                .withIfPresent(ScenarioParameter.LAMBDA, lambda).with(ScenarioParameter.GROWTH_EXPONENT, 1));
    }

    private static double meanTv(DiffusionLoop.Settings s, Schedule sch, double tau, int reps) {
        double sum = 0;
        for (int r = 0; r < reps; r++) {
            sum += DiffusionLoop.run(s, sch, StoppingRule.fixed(Rational.parse(Double.toString(tau))), SEED, r)
                    .get(0).tv();
        }
        return sum / reps;
    }

    @Test
    void tvIsUShapedInTheTrainingTime() {
        // m = 128 features, M = n = 100 DSM triples: the least-squares limit τ → ∞ interpolates the noise of the
        // targets, τ → 0 leaves s ≈ 0. Early stopping in between must beat both ends clearly.
        DiffusionLoop.Settings s = settings(128, 2000);
        Schedule sch = schedule(Scenario.FULLY_SYNTHETIC, 0, 100, Rational.ZERO);
        double under = meanTv(s, sch, 1e4, 2);
        double middle = meanTv(s, sch, 1e7, 2);
        double over = meanTv(s, sch, 1e12, 2);
        assertTrue(middle + 0.1 < under && middle + 0.1 < over,
                "TV at tau = 1e4, 1e7, 1e12: " + under + ", " + middle + ", " + over);
    }

    @Test
    void sameSeedAndReplicateGiveTheSameRunAndGenerationsFollowTheSchedule() {
        DiffusionLoop.Settings s = settings(16, 200);
        Schedule sch = schedule(Scenario.FIXED_PROPORTION, 2, 40, Rational.of(1, 4));
        StoppingRule rule = StoppingRule.fixed(Rational.of(100_000));
        List<DiffusionLoop.Generation> a = DiffusionLoop.run(s, sch, rule, SEED, 3);
        List<DiffusionLoop.Generation> b = DiffusionLoop.run(s, sch, rule, SEED, 3);
        assertEquals(a, b);
        assertEquals(3, a.size());
        assertEquals(40, a.get(0).real());
        assertEquals(10, a.get(1).real());
        assertEquals(10, a.get(2).real());
        assertTrue(!a.equals(DiffusionLoop.run(s, sch, rule, SEED, 4)), "replicates must differ");
    }

    @Test
    void d2RuleGrowsLikeTheFifthRootOfTheSampleSize() {
        StoppingRule rule = StoppingRule.d2(Rational.of(3), 64, Precision.bits(64));
        // (m N/4)^(1/5) with m N/4 = 32 · 4^5 = 32768 at N = 2048: τ* = 8, so τ = 24.
        assertEquals(24, rule.tau(0, 2048), 1e-12);
        assertEquals(Math.pow(2, 0.2), rule.tau(1, 4096) / rule.tau(0, 2048), 1e-12);
        assertEquals(5, StoppingRule.fixed(Rational.of(5)).tau(7, 123), 0);
    }

    @Test
    void nonWholeStratifiedCountsAreRejectedWithTheirName() {
        DiffusionLoop.Settings s = settings(8, 100);
        Schedule sch = schedule(Scenario.FIXED_PROPORTION, 1, 10, Rational.of(1, 3));
        ParameterException e = assertThrows(ParameterException.class,
                () -> DiffusionLoop.run(s, sch, StoppingRule.fixed(Rational.ONE), SEED, 0));
        assertEquals("N", e.symbol());
        assertTrue(e.getMessage().contains("draw count of stratified mixing whole"), e.getMessage());
    }
}
