package org.loopbound.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.loopbound.bound.Scenario;
import org.loopbound.param.ParameterException;

/**
 * The cross-validation of theory.md §6: with the empirical learner, B_i of R3 built from ε(N, δ, k) must hold in
 * every scenario (verdict PASS), and a bound made wrong on purpose must be caught (FAIL).
 */
class VerdictTest {

    private static SimulationSummary run(SimulationConfig c) throws InterruptedException {
        return SimulationSummary.of(c, new Simulator(c).run(2, Map.of(), x -> { }, u -> { }));
    }

    @ParameterizedTest(name = "{0} n={1} lambda={2} r={3} s={4} {6}")
    @CsvSource({
        "fully-synthetic,     100,  ,    ,    ,  4, STRATIFIED",
        "fully-synthetic,     2000, ,    ,    ,  4, IID",
        "fixed-proportion,    100,  1/2, ,    ,  4, STRATIFIED",
        "fixed-proportion,    2000, 1/4, ,    ,  4, IID",
        "last-injection,      100,  1/2, ,    ,  4, STRATIFIED",
        "last-injection,      2000, 3/4, ,    ,  4, STRATIFIED",
        "growing-size,        20,   ,    ,    ,  4, STRATIFIED",
        "growing-size,        200,  1/2, ,    ,  2, IID",
        "expanding-synthetic, ,     ,    100, 300, 4, STRATIFIED",
        "expanding-synthetic, ,     ,    1000, 1000, 4, IID",
        "accumulate,          ,     ,    100, 50, 4, STRATIFIED",
        "accumulate,          ,     ,    1000, 500, 4, IID",
    })
    void empiricalLearnerPassesInEveryScenario(String scenario, Long n, String lambda, Long real, Long synthetic,
                                               int generations, Mixing mixing) throws InterruptedException {
        Scenario sc = Scenario.byName(scenario);
        SimulationConfig c = SimFixtures.config(sc, "uniform:10", n, lambda, real, synthetic, 2, generations, 300,
                99L, mixing, Learner.empirical(), "1", "1/100");
        SimulationSummary s = run(c);
        int passed = 0;
        for (GenerationSummary g : s.generations()) {
            // A bound at or above 1 can never be violated: its verdict is VACUOUS, never a PASS that proves nothing.
            org.loopbound.arith.Certified b = g.bound();
            boolean vacuous = b != null && org.loopbound.bound.TotalVariation.isVacuous(b);
            assertEquals(vacuous ? Verdict.VACUOUS : Verdict.PASS, g.verdict(), scenario + " generation "
                    + g.generation() + ": " + g.violations() + " violations");
            passed += g.verdict() == Verdict.PASS ? 1 : 0;
            // The generations are fits on N_i draws, so TV > 0 is expected; a TV above 1 would be an arithmetic bug.
            assertTrue(g.tvMax().compareTo(org.loopbound.arith.Rational.ONE) <= 0);
        }
        assertTrue(passed > 0, scenario + ": at least generation 0 has a bound below 1 to test");
    }

    @Test
    void halvedEpsilonIsCaught() throws InterruptedException {
        // k = 1000 uniform atoms, N = 10^5. E TV(p̂_0, p₀) ≈ ½·k·sqrt(2/π)·sqrt((1/k)(1−1/k)/N) ≈ 0.0399 (each
        // |c_j − N/k| is close to a half-normal with sd ≈ 31.6 ≫ 1), while the halved ε_0 is
        // ¼(sqrt(999/10^5) + sqrt(2 ln 100/10^5)) ≈ 0.0274. TV has bounded differences 1/N, so by McDiarmid
        // P(TV ≤ E TV − 0.0125) ≤ exp(−2·0.0125²·10^5) ≈ 3e−14: every replicate violates at generation 0, and
        // P(Bin(30, 1/100) ≥ 30) = 10^−60 < 10^−3 gives FAIL. The true ε_0 ≈ 0.0548 exceeds E TV by 0.0149, so with
        // the same draws the correct bound passes (P(TV ≥ ε_0) ≤ exp(−2·0.0149²·10^5) ≈ 5e−20).
        SimulationConfig wrong = SimFixtures.config(Scenario.FIXED_PROPORTION, "uniform:1000", 100_000L, "1/2",
                null, null, 4, 2, 30, 5L, Mixing.STRATIFIED, Learner.empirical(), "1/2", "1/100");
        GenerationSummary g0 = run(wrong).generations().get(0);
        assertEquals(30, g0.violations());
        assertEquals(Verdict.FAIL, g0.verdict());
        SimulationConfig right = SimFixtures.config(Scenario.FIXED_PROPORTION, "uniform:1000", 100_000L, "1/2",
                null, null, 4, 2, 30, 5L, Mixing.STRATIFIED, Learner.empirical(), "1", "1/100");
        GenerationSummary r0 = run(right).generations().get(0);
        assertEquals(0, r0.violations());
        assertEquals(Verdict.PASS, r0.verdict());
        assertEquals(g0.meanTv(), r0.meanTv(), "same seed, same draws: only the bound differs");
    }

    @Test
    void addBetaHasNoBoundAndNoVerdict() throws InterruptedException {
        SimulationConfig c = SimFixtures.config(Scenario.FIXED_PROPORTION, "uniform:5", 100L, "1/2", null, null, 4,
                3, 20, 3L, Mixing.STRATIFIED, Learner.addBeta(org.loopbound.arith.Rational.of(1, 2)), "1", "1/100");
        assertNull(c.bounds());
        for (GenerationSummary g : run(c).generations()) {
            assertEquals(Verdict.NO_BOUND, g.verdict());
            assertNull(g.bound());
            // Smoothing keeps every atom: (c_j + β)/(N + kβ) > 0.
            assertEquals(org.loopbound.arith.Rational.ZERO, g.atomsLost());
        }
    }

    @Test
    void vacuousWhenTheFailureProbabilityReachesOne() throws InterruptedException {
        SimulationConfig c = SimFixtures.config(Scenario.FULLY_SYNTHETIC, "uniform:4", 50L, null, null, null, 4, 3,
                10, 3L, Mixing.STRATIFIED, Learner.empirical(), "1", "1/3");
        List<GenerationSummary> g = run(c).generations();
        assertTrue(g.get(1).verdict() != Verdict.VACUOUS);
        assertEquals(Verdict.VACUOUS, g.get(2).verdict());
        assertEquals(Verdict.VACUOUS, g.get(3).verdict());
    }

    @Test
    void stratifiedMixingNeedsWholeRealDraws() {
        ParameterException e = assertThrows(ParameterException.class, () -> SimFixtures.config(
                Scenario.FIXED_PROPORTION, "uniform:4", 3L, "1/2", null, null, 4, 2, 10, 1L, Mixing.STRATIFIED,
                Learner.empirical(), "1", "1/100"));
        assertEquals("N", e.symbol());
        assertTrue(e.getMessage().contains("λ_1·N_1 = 3/2"), e.getMessage());
        // iid draws the component sizes at random, so any λ is fine.
        SimFixtures.config(Scenario.FIXED_PROPORTION, "uniform:4", 3L, "1/2", null, null, 4, 2, 10, 1L, Mixing.IID,
                Learner.empirical(), "1", "1/100");
    }
}
