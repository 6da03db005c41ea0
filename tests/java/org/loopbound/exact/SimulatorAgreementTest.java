package org.loopbound.exact;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.distribution.TDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.loopbound.arith.Interval;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.bound.Scenario;
import org.loopbound.sim.AtomDistribution;
import org.loopbound.sim.Learner;
import org.loopbound.sim.Mixing;
import org.loopbound.sim.ReplicateResult;
import org.loopbound.sim.SimulationConfig;
import org.loopbound.sim.Simulator;
import org.loopbound.sim.Statistics;

/**
 * The simulator's replicates against the exact law: per generation, the Student-t interval of the mean TV and the
 * Clopper–Pearson interval of the violation rate (TV &gt; hi(B_i), as the simulator counts it) must contain the exact
 * E TV and P(TV &gt; B_i). Each interval has level 1 − 10^−3/(2(g+1)) (Bonferroni over the generations and the two
 * statistics), the seeds are fixed; a correct simulator and evaluator fail a case with probability ≤ 10^−3.
 * ε is scaled by 1/10 so that the bounds are not vacuous and the violation probabilities are neither 0 nor 1.
 */
class SimulatorAgreementTest {

    private static final double FAMILY = 1e-3;
    private static final int REPLICATES = 3000;

    @ParameterizedTest(name = "{0} p0={1} N={2} lambda={3} {4} beta={5}")
    @CsvSource({
        "fully-synthetic, '1/2,1/4,1/4', 30, , stratified, , 101",
        "fixed-proportion, '1/3,2/3', 40, 1/2, iid, , 202",
        "fixed-proportion, '1/5,3/10,1/2', 20, 1/4, stratified, 1/2, 303",
        "last-injection, '1/10,9/10', 200, 1/2, stratified, , 404",
    })
    void simulatedIntervalsContainTheExactValues(String scenario, String p0, long n, String lambda, String mixing,
                                                 String beta, long seed) throws InterruptedException {
        int g = 8;
        Scenario sc = Scenario.byName(scenario);
        Learner learner = beta == null ? Learner.empirical() : Learner.addBeta(Rational.parse(beta));
        Mixing mix = Mixing.byName(mixing);
        SimulationConfig config = new SimulationConfig(sc, ExactLoopTest.schedule(sc, n, lambda, g),
                AtomDistribution.parse(p0), learner, mix, REPLICATES, seed, Rational.of(1, 100), Rational.of(1, 10),
                Rational.of(1, 1000), Precision.bits(128));
        List<ReplicateResult> results = new Simulator(config).run(2, Map.of(), r -> { }, u -> { });
        ExactLoop loop = ExactLoop.of(sc, config.schedule(), config.p0(), learner, mix);
        List<GenerationLaw> laws = loop.run(loop.automaticArithmetic(), config.bounds());
        double level = 1 - FAMILY / (2.0 * (g + 1));
        double t = TDistribution.of(REPLICATES - 1.0).inverseCumulativeProbability(1 - (1 - level) / 2);
        for (int i = 0; i <= g; i++) {
            BigInteger den = config.tvDenominator(i);
            double sum = 0;
            double[] tv = new double[REPLICATES];
            int violations = 0;
            for (int j = 0; j < REPLICATES; j++) {
                BigInteger l = results.get(j).tvNumerator(i);
                tv[j] = l.doubleValue() / den.doubleValue();
                sum += tv[j];
                if (config.bounds() != null && l.compareTo(config.violationThreshold(i)) > 0) {
                    violations++;
                }
            }
            double mean = sum / REPLICATES;
            double ss = 0;
            for (double v : tv) {
                ss += (v - mean) * (v - mean);
            }
            double half = t * Math.sqrt(ss / (REPLICATES - 1) / REPLICATES);
            GenerationLaw law = laws.get(i);
            Interval e = law.expectedTv().enclosure();
            assertTrue(e.hi().doubleValue() >= mean - half && e.lo().doubleValue() <= mean + half,
                    "generation " + i + ": E TV " + e.format(12) + " outside [" + (mean - half) + ", "
                            + (mean + half) + "]");
            if (law.violationProbability() != null) {
                double[] cp = Statistics.clopperPearson(violations, REPLICATES, level);
                Interval v = law.violationProbability().enclosure();
                assertTrue(v.hi().doubleValue() >= cp[0] && v.lo().doubleValue() <= cp[1],
                        "generation " + i + ": P(TV > B) " + v.format(12) + " outside [" + cp[0] + ", " + cp[1]
                                + "] (" + violations + " violations)");
            }
        }
    }
}
