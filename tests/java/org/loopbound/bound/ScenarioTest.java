package org.loopbound.bound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.param.ParameterException;

/**
 * One parametric test over every declared scenario: a new scenario is tested by being declared. Values for each
 * parameter come from {@link #SAMPLE}; every scenario must build a valid schedule from them.
 */
class ScenarioTest {

    private static final Precision P = Precision.bits(128);

    /** A value inside the domain of each parameter, for any scenario. */
    private static final Map<ScenarioParameter, Rational> SAMPLE = Map.of(
            ScenarioParameter.N, Rational.of(12),
            ScenarioParameter.LAMBDA, Rational.of(1, 3),
            ScenarioParameter.REAL, Rational.of(5),
            ScenarioParameter.SYNTHETIC, Rational.of(7),
            ScenarioParameter.GROWTH_EXPONENT, Rational.of(2),
            ScenarioParameter.PERIOD, Rational.of(3));

    private static ScenarioArguments arguments(Scenario sc, int generations) {
        ScenarioArguments a = ScenarioArguments.of(generations);
        for (ScenarioParameter p : sc.parameters()) {
            Rational v = SAMPLE.get(p);
            assertNotNull(v, "ScenarioTest.SAMPLE needs a value for " + p.key());
            a = a.with(p, v);
        }
        return a;
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void scheduleHasOneEntryPerGenerationAndGenerationZeroIsReal(Scenario sc) {
        for (int g = sc.minGenerations(); g <= 9; g++) {
            Schedule s = sc.schedule(arguments(sc, g));
            assertEquals(g, s.generations());
            assertEquals(Rational.ONE, s.lambda(0), "λ_0 = 1");
            for (int j = 0; j <= g; j++) {
                assertTrue(s.size(j).signum() > 0, "N_" + j + " ≥ 1");
                Rational total = s.lambda(j);
                for (int l = 0; l < j; l++) {
                    assertTrue(s.weights(j).get(l).signum() >= 0, "μ_{" + j + "," + l + "} ≥ 0");
                    total = total.add(s.weights(j).get(l));
                }
                assertEquals(j == 0 ? s.lambda(0) : Rational.ONE, total, "λ_j + Σ_l μ_{j,l} = 1 at j = " + j);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void resultIdMatchesTheScheduleShape(Scenario sc) {
        Schedule s = sc.schedule(arguments(sc, 6));
        assertEquals(s.isPreviousGenerationOnly() ? "R3" : "R5", sc.resultId());
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void recursionEqualsClosedFormWhereOneExists(Scenario sc) {
        Schedule s = sc.schedule(arguments(sc, 8));
        ScenarioBound b = ScenarioBound.of(sc, s, LearningError.constant(Rational.of(1, 10)), P);
        assertEquals(9, b.generations().size());
        for (ScenarioBound.Generation gen : b.generations()) {
            assertTrue(gen.bound().isExact() && gen.closedForm().isExact());
            assertEquals(gen.bound().exact(), gen.closedForm().exact(), "generation " + gen.generation());
        }
        // An independent check of the recursion itself: B_0 = ε_0 and B_i ≥ B_{i-1}·(1 − λ_i) + ε_i for R3.
        assertEquals(Rational.of(1, 10), b.generations().get(0).bound().exact());
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void everyRequiredParameterIsNamedWhenMissing(Scenario sc) {
        for (ScenarioParameter p : sc.parameters()) {
            if (sc.defaultValue(p) != null) {
                continue;
            }
            ScenarioArguments without = ScenarioArguments.of(sc.minGenerations());
            for (ScenarioParameter q : sc.parameters()) {
                if (q != p) {
                    without = without.with(q, SAMPLE.get(q));
                }
            }
            ScenarioArguments a = without;
            ParameterException e = assertThrows(ParameterException.class, () -> sc.schedule(a));
            assertEquals(p.symbol(), e.symbol());
            assertTrue(e.getMessage().contains(sc.cliName()), e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void everyParameterIsCheckedAgainstItsDomain(Scenario sc) {
        for (ScenarioParameter p : sc.parameters()) {
            Rational outside = p == ScenarioParameter.LAMBDA ? Rational.of(3, 2) : Rational.of(-1);
            ScenarioArguments a = arguments(sc, sc.minGenerations()).with(p, outside);
            ParameterException e = assertThrows(ParameterException.class, () -> sc.schedule(a));
            assertEquals(p.symbol(), e.symbol());
            assertTrue(e.requirement().startsWith("must be "), e.requirement());
        }
        if (sc.minGenerations() > 0) {
            ParameterException e = assertThrows(ParameterException.class,
                    () -> sc.schedule(arguments(sc, sc.minGenerations() - 1)));
            assertEquals("i", e.symbol());
        }
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void namesRoundTripAndDescriptionsExist(Scenario sc) {
        assertSame(sc, Scenario.byName(sc.cliName()));
        assertSame(sc, Scenario.byName(sc.cliName().toUpperCase(java.util.Locale.ROOT)));
        assertFalse(sc.description().isBlank());
        assertTrue(Scenario.names().contains(sc.cliName()));
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void corollariesOfAConstantEpsilonHoldAtTheLastGeneration(Scenario sc) {
        Rational eps = Rational.of(1, 7);
        Schedule s = sc.schedule(arguments(sc, 5));
        List<Certified> e = new ArrayList<>();
        for (int j = 0; j <= 5; j++) {
            e.add(Certified.exact(eps));
        }
        Rational b5 = R3UnrolledBound.recursion(s, e, P).get(5).exact();
        for (Scenario.Corollary c : sc.corollaries(s, eps)) {
            // Each corollary is either the bound itself, an upper bound of it, or a threshold on λ (in [0, 1]).
            boolean threshold = c.name().contains("iff");
            assertTrue(threshold ? c.value().compareTo(Rational.ONE) <= 0 : b5.compareTo(c.value()) <= 0,
                    c.name() + " = " + c.value() + " vs B_5 = " + b5);
        }
    }

    /** TV never exceeds 1: a bound whose lower end is at least 1 is vacuous, one just below is not. */
    @org.junit.jupiter.api.Test
    void boundsAtOrAboveOneAreVacuous() {
        assertTrue(TotalVariation.isVacuous(Certified.exact(Rational.ONE)));
        assertTrue(TotalVariation.isVacuous(Certified.exact(Rational.of(19, 10))));
        assertFalse(TotalVariation.isVacuous(Certified.exact(Rational.of(99, 100))));
        assertFalse(TotalVariation.isVacuous(Certified.enclosed(org.loopbound.arith.Interval.of(Rational.of(1, 3), P)
                .add(org.loopbound.arith.Interval.of(Rational.of(2, 3), P), P))), "an enclosure of 1 with lo < 1");
    }
}
