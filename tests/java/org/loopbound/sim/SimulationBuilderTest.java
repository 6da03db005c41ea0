package org.loopbound.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.loopbound.arith.Rational;
import org.loopbound.bound.Scenario;
import org.loopbound.bound.ScenarioArguments;
import org.loopbound.bound.ScenarioParameter;
import org.loopbound.param.ParameterException;

/** The one builder of simulations: every rejected value is named by its symbol. */
class SimulationBuilderTest {

    private static SimulationBuilder fixed() {
        return SimulationBuilder.of(Scenario.FIXED_PROPORTION, ScenarioArguments.of(3)
                .with(ScenarioParameter.N, 10).with(ScenarioParameter.LAMBDA, Rational.of(1, 2)));
    }

    private static String symbolOf(Runnable r) {
        return assertThrows(ParameterException.class, r::run).symbol();
    }

    @Test
    void buildsWhatSimulateBuilds() {
        SimulationConfig c = fixed().p0("1/2,1/2").replicates(7).seed(5).build();
        assertEquals(7, c.replicates());
        assertEquals(5, c.seed());
        assertEquals(3, c.generations());
        assertEquals(Rational.of(1, 100), c.delta());
    }

    @Test
    void everyDomainErrorNamesItsSymbol() {
        assertEquals("λ", symbolOf(() -> SimulationBuilder.of(Scenario.FIXED_PROPORTION,
                ScenarioArguments.of(3).with(ScenarioParameter.N, 10))));
        assertEquals("N", symbolOf(() -> SimulationBuilder.of(Scenario.FULLY_SYNTHETIC,
                ScenarioArguments.of(3).with(ScenarioParameter.N, 2_000_000_000_000L))));
        assertEquals("p₀", symbolOf(() -> fixed().build()));
        assertEquals("p₀", symbolOf(() -> fixed().p0("1/2,1/3")));
        assertEquals("L", symbolOf(() -> fixed().learner("bayes", null)));
        assertEquals("β", symbolOf(() -> fixed().learner("add-beta", null)));
        assertEquals("β", symbolOf(() -> fixed().learner("add-beta", Rational.ZERO)));
        assertEquals("β", symbolOf(() -> fixed().learner("empirical", Rational.ONE)));
        assertEquals("M", symbolOf(() -> fixed().mixing("poisson")));
        assertEquals("R", symbolOf(() -> fixed().replicates(0)));
        assertEquals("δ", symbolOf(() -> fixed().delta(Rational.ONE)));
        assertEquals("α_test", symbolOf(() -> fixed().alphaTest(Rational.ZERO)));
        assertEquals("c", symbolOf(() -> fixed().epsScale(Rational.of(-1))));
    }
}
