package org.loopbound.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.bound.D2EarlyStopping;
import org.loopbound.bound.Scenario;
import org.loopbound.bound.ScenarioArguments;
import org.loopbound.bound.ScenarioParameter;
import org.loopbound.bound.Schedule;
import org.loopbound.param.ParameterException;
import org.loopbound.stats.MeanInterval;

/**
 * The statistics of the diffusion experiments, on runs whose TV values are chosen by hand (the grid bookkeeping,
 * replicate means, argmin/argmax and fitted exponent are checked without simulating), and one small simulated run
 * that must equal its tasks run one by one.
 */
class DiffusionExperimentsTest {

    private static final GaussianMixture P0 = GaussianMixture.parse("1/2:-2:1/4,1/2:2:1/4");
    private static final Precision P = Precision.bits(128);

    private static DiffusionLoop.Settings settings() {
        ReverseSampler s = new ReverseSampler(ReverseSampler.Method.SDE, 6, 10, 1e-3);
        return new DiffusionLoop.Settings(P0, 8, 1, s, HistogramTv.covering(P0, 20), 200);
    }

    private static Schedule fullySynthetic(long n, int generations) {
        return Scenario.FULLY_SYNTHETIC.schedule(ScenarioArguments.of(generations)
                .with(ScenarioParameter.N, BigInteger.valueOf(n)));
    }

    /** A fabricated run: generation g has TV tv[g]. */
    private static List<DiffusionLoop.Generation> run(double... tv) {
        List<DiffusionLoop.Generation> out = new ArrayList<>();
        for (int g = 0; g < tv.length; g++) {
            out.add(new DiffusionLoop.Generation(g, 10, 0, 1, tv[g], 0.01));
        }
        return out;
    }

    @Test
    void tauSweepFindsTheGridArgminPerSizeAndGenerationAndFitsTheExponent() {
        List<BigInteger> ns = List.of(BigInteger.valueOf(100), BigInteger.valueOf(400));
        List<Rational> taus = List.of(Rational.of(1000), Rational.of(10_000), Rational.of(100_000));
        TauSweep sweep = TauSweep.of(new TauSweep.Config(settings(), ns, List.of(fullySynthetic(100, 1),
                fullySynthetic(400, 1)), taus, 2, 1, P));
        assertEquals(2 * 3 * 2, sweep.tasks());
        // Task order: size-major cells, then replicates; the minimum moves from τ = 1e3 (N = 100) to 1e4 (N = 400)
        // at generation 0 and stays at 1e5 at generation 1.
        List<List<DiffusionLoop.Generation>> runs = List.of(
                run(0.10, 0.50), run(0.20, 0.50),   // N = 100, τ = 1e3: means 0.15, 0.5
                run(0.30, 0.40), run(0.30, 0.40),   // τ = 1e4: 0.3, 0.4
                run(0.40, 0.10), run(0.40, 0.20),   // τ = 1e5: 0.4, 0.15
                run(0.50, 0.50), run(0.50, 0.50),   // N = 400, τ = 1e3
                run(0.20, 0.45), run(0.30, 0.45),   // τ = 1e4: 0.25
                run(0.35, 0.30), run(0.35, 0.30));  // τ = 1e5
        TauSweep.Result r = sweep.analyse(runs);
        assertEquals(MeanInterval.of(new double[] {0.1, 0.2}, 0.95), r.tv().get(0).get(0).get(0));
        assertEquals(MeanInterval.of(new double[] {0.45, 0.45}, 0.95), r.tv().get(1).get(1).get(1));
        assertEquals(4, r.best().size());
        assertEquals(List.of(0, 2, 1, 2), r.best().stream().map(TauSweep.Best::tau).toList());
        TauSweep.Best b = r.best().get(2);
        assertEquals(1, b.size());
        assertEquals(0, b.generation());
        assertEquals(BigInteger.valueOf(400), b.generationSize());
        assertEquals(D2EarlyStopping.optimalStoppingTime(BigInteger.valueOf(8), BigInteger.valueOf(400), P),
                b.d2TauStar());
        assertEquals(2, r.scaling().size());
        assertEquals(Math.log(10) / Math.log(4), r.scaling().get(0).exponent(), 1e-12);
        assertEquals(0, r.scaling().get(1).exponent(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> sweep.analyse(runs.subList(0, 3)));
    }

    @Test
    void tauSweepWithOneSizeHasNoExponent() {
        TauSweep sweep = TauSweep.of(new TauSweep.Config(settings(), List.of(BigInteger.TEN),
                List.of(fullySynthetic(10, 0)), List.of(Rational.ONE), 2, 1, P));
        assertTrue(sweep.analyse(List.of(run(0.2), run(0.3))).scaling().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new TauSweep.Config(settings(), List.of(BigInteger.TEN),
                List.of(), List.of(Rational.ONE), 2, 1, P));
        ParameterException e = assertThrows(ParameterException.class, () -> new TauSweep.Config(settings(),
                List.of(BigInteger.TEN), List.of(fullySynthetic(10, 0)), List.of(Rational.ONE), 1, 1, P));
        assertEquals("R", e.symbol());
        assertEquals("R must be ≥ 2, got 1", e.getMessage());
    }

    @Test
    void phaseSweepFindsTheLargestMeanPerGeneration() {
        PhaseSweep sweep = PhaseSweep.of(new PhaseSweep.Config(settings(), BigInteger.TEN,
                List.of(BigInteger.ZERO, BigInteger.TEN, BigInteger.valueOf(30)), 1, StoppingRule.fixed(Rational.ONE),
                2, 1));
        assertEquals(6, sweep.tasks());
        PhaseSweep.Result r = sweep.analyse(List.of(run(0.1, 0.2), run(0.1, 0.2), run(0.1, 0.5), run(0.1, 0.3),
                run(0.1, 0.3), run(0.1, 0.3)));
        // Generation 0: all equal, the first amount wins; generation 1: s = 10 (mean 0.4).
        assertEquals(List.of(0, 1), r.peaks());
        assertEquals(0.4, r.tv().get(1).get(1).mean(), 1e-15);
    }

    @Test
    void stoppingComparisonSplitsThePolicies() {
        StoppingComparison c = StoppingComparison.of(new StoppingComparison.Config(settings(), fullySynthetic(10, 1),
                StoppingRule.fixed(Rational.ONE), StoppingRule.d2(Rational.ONE, 8, P), 2, 1));
        assertEquals(4, c.tasks());
        StoppingComparison.Result r = c.analyse(List.of(run(0.1, 0.2), run(0.3, 0.4), run(0.5, 0.6), run(0.7, 0.8)));
        assertEquals(0.2, r.fixed().get(0).mean(), 1e-15);
        assertEquals(0.7, r.d2().get(1).mean(), 1e-15);
    }

    @Test
    void oracleSamplingAveragesTheEstimatesAndKeepsTheNoiseFloor() {
        OracleSampling o = OracleSampling.of(new OracleSampling.Config(P0, settings().sampler(), settings().tv(),
                200, 3, 1));
        OracleSampling.Result r = o.analyse(List.of(new HistogramTv.Estimate(0.1, 0.05),
                new HistogramTv.Estimate(0.2, 0.05), new HistogramTv.Estimate(0.3, 0.05)));
        assertEquals(MeanInterval.of(new double[] {0.1, 0.2, 0.3}, 0.95), r.tv());
        assertEquals(0.05, r.noiseFloor());
    }

    @Test
    void aSimulatedSweepIsItsTasksRunInOrder() {
        PhaseSweep sweep = PhaseSweep.of(new PhaseSweep.Config(settings(), BigInteger.valueOf(20),
                List.of(BigInteger.ZERO, BigInteger.valueOf(20)), 1, StoppingRule.fixed(Rational.of(100)), 2, 7));
        List<List<DiffusionLoop.Generation>> runs = new ArrayList<>();
        for (int k = sweep.tasks() - 1; k >= 0; k--) {
            runs.add(0, sweep.task(k));
        }
        assertEquals(sweep.analyse(runs), sweep.runSequentially());
        assertEquals(runs.get(3), DiffusionLoop.run(settings(), Scenario.EXPANDING_SYNTHETIC.schedule(
                ScenarioArguments.of(1).with(ScenarioParameter.REAL, BigInteger.valueOf(20))
                        .with(ScenarioParameter.SYNTHETIC, BigInteger.valueOf(20))),
                StoppingRule.fixed(Rational.of(100)), 7, 1));
    }
}
