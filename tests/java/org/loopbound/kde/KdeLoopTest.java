package org.loopbound.kde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.bound.Scenario;
import org.loopbound.bound.ScenarioArguments;
import org.loopbound.bound.ScenarioParameter;
import org.loopbound.bound.Schedule;
import org.loopbound.diffusion.GaussianMixture;

/**
 * The KDE loop against K2 [derived]: the replicate mean of p̂_i(x) matches K2's exact E[p̂_i](x) within
 * Bonferroni-corrected 95% intervals, the simulated E TV sits above the certified TV(E p̂_i, p₀), and the same check
 * rejects a wrong oracle (so it can fail).
 */
class KdeLoopTest {

    private static final long SEED = 20260310L;
    private static final GaussianMixture P0 = GaussianMixture.parse("1:0:1");
    private static final double[] POINTS = {0, 1, 2.5};
    private static final int REPLICATES = 200;

    private static List<List<KdeLoop.Generation>> runs(Bandwidth h, Schedule schedule) {
        KdeLoop.Settings s = new KdeLoop.Settings(P0, h, POINTS);
        List<List<KdeLoop.Generation>> out = new ArrayList<>();
        for (int r = 0; r < REPLICATES; r++) {
            out.add(KdeLoop.run(s, schedule, SEED, r));
        }
        return out;
    }

    private static Schedule schedule(Scenario sc, Rational lambda) {
        return sc.schedule(ScenarioArguments.of(3).with(ScenarioParameter.N, BigInteger.valueOf(100))
                .withIfPresent(ScenarioParameter.LAMBDA, lambda).with(ScenarioParameter.GROWTH_EXPONENT, 0));
    }

    @Test
    void fullySyntheticMatchesK2() {
        check(Scenario.FULLY_SYNTHETIC, Rational.ZERO);
    }

    @Test
    void fixedProportionMatchesK2() {
        check(Scenario.FIXED_PROPORTION, Rational.of(1, 2));
    }

    private static void check(Scenario sc, Rational lambda) {
        Bandwidth h = Bandwidth.fixed(Rational.of(1, 5));
        Schedule schedule = schedule(sc, lambda);
        List<List<KdeLoop.Generation>> runs = runs(h, schedule);
        K2Oracle oracle = K2Oracle.forLoop(P0, h, schedule);
        assertNotNull(oracle);
        for (K2Oracle.DensityCheck c : oracle.densityChecks(runs, POINTS, 0.95)) {
            assertTrue(c.agrees(), "generation " + c.generation() + ", x = " + c.x() + ": simulated "
                    + c.simulated() + ", K2 " + c.expected());
        }
        for (K2Oracle.TvCheck c : oracle.tvChecks(runs, 0.95, Precision.bits(64))) {
            assertTrue(c.consistent(), "generation " + c.generation());
            assertTrue(c.simulated().mean() > c.lowerBound().hi().doubleValue(), "E TV should exceed the bound");
        }
        // A wrong oracle (h = 1/2 instead of 1/5) must be rejected somewhere: the check has power.
        K2Oracle wrong = K2Oracle.forLoop(P0, Bandwidth.fixed(Rational.of(1, 2)), schedule);
        assertNotNull(wrong);
        assertTrue(wrong.densityChecks(runs, POINTS, 0.95).stream().anyMatch(c -> !c.agrees()));
    }

    @Test
    void k2ReferenceValueIsReproducedAtGenerationZero() {
        // theory.md §5: p₀ = N(0,1), h = 0.2, λ = 0: TV(E p̂_0, p₀) = 0.0094900.
        Schedule schedule = schedule(Scenario.FULLY_SYNTHETIC, Rational.ZERO);
        K2Oracle oracle = K2Oracle.forLoop(P0, Bandwidth.fixed(Rational.of(1, 5)), schedule);
        assertNotNull(oracle);
        assertEquals(0.0094900, oracle.tvLowerBound(0, Precision.bits(64)).lo().doubleValue(), 1e-7);
        assertEquals(Math.exp(-0.5 / 1.04) / Math.sqrt(2 * Math.PI * 1.04), oracle.expectedDensity(0, 1), 1e-15);
    }

    @Test
    void k2DoesNotApplyOutsideItsHypotheses() {
        Schedule fs = schedule(Scenario.FULLY_SYNTHETIC, Rational.ZERO);
        assertNull(K2Oracle.whyNot(P0, Bandwidth.fixed(Rational.of(1, 5)), fs));
        assertNotNull(K2Oracle.whyNot(GaussianMixture.parse("1/2:-1:1,1/2:1:1"), Bandwidth.fixed(Rational.ONE), fs));
        assertNotNull(K2Oracle.whyNot(P0, Bandwidth.silverman(), fs));
        assertNotNull(K2Oracle.whyNot(P0, Bandwidth.fixed(Rational.ONE), schedule(Scenario.LAST_INJECTION,
                Rational.of(1, 2))));
        Schedule acc = Scenario.ACCUMULATE.schedule(ScenarioArguments.of(3)
                .with(ScenarioParameter.REAL, BigInteger.TEN).with(ScenarioParameter.SYNTHETIC, BigInteger.TEN));
        assertNotNull(K2Oracle.whyNot(P0, Bandwidth.fixed(Rational.ONE), acc));
        assertNull(K2Oracle.forLoop(P0, Bandwidth.silverman(), fs));
    }

    @Test
    void silvermanLoopRunsAndReplicatesAreReproducible() {
        Schedule schedule = schedule(Scenario.FULLY_SYNTHETIC, Rational.ZERO);
        KdeLoop.Settings s = new KdeLoop.Settings(P0, Bandwidth.silverman(), POINTS);
        List<KdeLoop.Generation> a = KdeLoop.run(s, schedule, SEED, 7);
        List<KdeLoop.Generation> b = KdeLoop.run(s, schedule, SEED, 7);
        for (int g = 0; g < a.size(); g++) {
            assertEquals(a.get(g).tv(), b.get(g).tv(), 0);
            assertEquals(a.get(g).bandwidth(), b.get(g).bandwidth(), 0);
        }
        assertEquals(4, a.size());
    }
}
