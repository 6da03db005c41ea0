package org.loopbound.sim;

import java.math.BigInteger;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.bound.Scenario;
import org.loopbound.bound.ScenarioArguments;
import org.loopbound.bound.ScenarioParameter;
import org.loopbound.bound.Schedule;

/** Builds simulation configurations for the tests (the same schedules as {@code loopbound bound}). */
final class SimFixtures {

    private SimFixtures() {
    }

    static SimulationConfig config(Scenario sc, String p0, Long n, String lambda, Long real, Long synthetic,
                                   int growth, int generations, int replicates, long seed, Mixing mixing,
                                   Learner learner, String epsScale, String delta) {
        Schedule schedule = sc.schedule(ScenarioArguments.of(generations).withIfPresent(ScenarioParameter.N, big(n))
                .withIfPresent(ScenarioParameter.LAMBDA, lambda == null ? null : Rational.parse(lambda))
                .withIfPresent(ScenarioParameter.REAL, big(real))
                .withIfPresent(ScenarioParameter.SYNTHETIC, big(synthetic))
                .with(ScenarioParameter.GROWTH_EXPONENT, growth));
        return new SimulationConfig(sc, schedule, AtomDistribution.parse(p0), learner, mixing, replicates, seed,
                Rational.parse(delta), Rational.parse(epsScale), Rational.of(1, 1000), Precision.bits(128));
    }

    /** Fully synthetic, empirical learner, stratified: the Wright–Fisher model of theory.md §7. */
    static SimulationConfig wrightFisher(String p0, long n, int generations, int replicates, long seed) {
        return config(Scenario.FULLY_SYNTHETIC, p0, n, null, null, null, 4, generations, replicates, seed,
                Mixing.STRATIFIED, Learner.empirical(), "1", "1/100");
    }

    private static Rational big(Long v) {
        return v == null ? null : Rational.of(v);
    }
}
