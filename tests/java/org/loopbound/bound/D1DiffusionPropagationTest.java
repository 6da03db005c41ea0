package org.loopbound.bound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigInteger;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Interval;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.param.ParameterException;

/**
 * D1: the per-generation error √(τ⁴/(mN) + τ³/m² + 1/τ + 1/m + E) (up to the hidden constant of D0) and its R3
 * propagation, against closed forms and monotonicity in E.
 */
class D1DiffusionPropagationTest {

    private static final long SEED = 20260304L;
    private static final Precision P = Precision.bits(128);

    private static Schedule fixedProportion(long n, Rational lambda, int generations) {
        return Scenario.FIXED_PROPORTION.schedule(ScenarioArguments.of(generations)
                .with(ScenarioParameter.N, BigInteger.valueOf(n)).withIfPresent(ScenarioParameter.LAMBDA, lambda));
    }

    private static List<Rational> extras(Rational e, int generations) {
        return Collections.nCopies(generations + 1, e);
    }

    @Test
    void perfectSquareRadicandsAreExact() {
        // τ = m = N = 1, E = 0: 1 + 1 + 1 + 1 = 4.
        assertEquals(Certified.exact(Rational.of(2)), D1DiffusionPropagation.generationError(BigInteger.ONE,
                BigInteger.ONE, Certified.exact(Rational.ONE), Rational.ZERO, P));
        // τ = 2, m = 4, N = 8: 16/32 + 8/16 + 1/2 + 1/4 + E; E = 1/4 makes 2: √2 is enclosed, E = 9/4 makes 4.
        assertEquals(Certified.exact(Rational.of(2)), D1DiffusionPropagation.generationError(BigInteger.valueOf(4),
                BigInteger.valueOf(8), Certified.exact(Rational.of(2)), Rational.of(9, 4), P));
        Certified root2 = D1DiffusionPropagation.generationError(BigInteger.valueOf(4), BigInteger.valueOf(8),
                Certified.exact(Rational.of(2)), Rational.of(1, 4), P);
        assertTrue(root2.enclosure().pow(2, Precision.bits(300)).contains(Rational.of(2)), root2.toString());
    }

    @Test
    void boundIsTheR3RecursionOfThePerGenerationErrors() {
        // ε_j = 2 in every generation (τ = m = N = 1), λ = 1/2: B_i = 2(1 − (1/2)^(i+1))/(1/2) (R4 closed form).
        int g = 6;
        Schedule s = fixedProportion(1, Rational.of(1, 2), g);
        List<Certified> bounds = D1DiffusionPropagation.bound(s, BigInteger.ONE,
                D1DiffusionPropagation.fixedStoppingTimes(s, Rational.ONE), extras(Rational.ZERO, g), P);
        for (int i = 0; i <= g; i++) {
            assertEquals(Certified.exact(R4Corollaries.fixedProportion(Rational.of(2), Rational.of(1, 2), i)),
                    bounds.get(i), "generation " + i);
        }
    }

    @Test
    void theD2RuleUsesTheOptimalStoppingTimeOfEachGeneration() {
        Schedule s = Scenario.GROWING_SIZE.schedule(ScenarioArguments.of(4)
                .with(ScenarioParameter.N, BigInteger.valueOf(10)).with(ScenarioParameter.GROWTH_EXPONENT, 4));
        BigInteger m = BigInteger.valueOf(100);
        List<Certified> taus = D1DiffusionPropagation.d2StoppingTimes(s, m, P);
        for (int j = 0; j <= 4; j++) {
            assertEquals(D2EarlyStopping.optimalStoppingTime(m, s.size(j), P), taus.get(j));
        }
        List<Certified> eps = D1DiffusionPropagation.generationErrors(s, m, taus, extras(Rational.ZERO, 4), P);
        List<Certified> bounds = D1DiffusionPropagation.bound(s, m, taus, extras(Rational.ZERO, 4), P);
        // Fully synthetic growing-size: B_i = Σ_{j≤i} ε_j.
        Certified sum = Certified.exact(Rational.ZERO);
        for (int j = 0; j <= 4; j++) {
            sum = sum.add(eps.get(j), P);
            Interval b = bounds.get(j).enclosure();
            Interval e = sum.enclosure();
            assertTrue(b.lo().compareTo(e.hi()) <= 0 && e.lo().compareTo(b.hi()) <= 0, "generation " + j);
        }
    }

    @Test
    void boundGrowsWithTheRemainingTerms() {
        qt().withFixedSeed(SEED).withExamples(100)
                .forAll(longs().between(1, 1000), longs().between(4, 100_000), integers().between(0, 100),
                        integers().between(1, 100))
                .checkAssert((m, n, e1, de) -> {
                    int g = 3;
                    Schedule s = fixedProportion(n, Rational.of(1, 3), g);
                    BigInteger mb = BigInteger.valueOf(m);
                    List<Certified> taus = D1DiffusionPropagation.d2StoppingTimes(s, mb, P);
                    Rational small = Rational.of(e1, 10);
                    Rational large = small.add(Rational.of(de, 10));
                    List<Certified> b1 = D1DiffusionPropagation.bound(s, mb, taus, extras(small, g), P);
                    List<Certified> b2 = D1DiffusionPropagation.bound(s, mb, taus, extras(large, g), P);
                    for (int i = 0; i <= g; i++) {
                        assertTrue(b1.get(i).enclosure().hi().compareTo(b2.get(i).enclosure().lo()) < 0,
                                "B_" + i + " increases with E");
                    }
                });
    }

    @Test
    void outsideD0sDomainIsRefused() {
        Schedule s = fixedProportion(1, Rational.of(1, 2), 2);
        assertThrows(ParameterException.class,
                () -> D1DiffusionPropagation.fixedStoppingTimes(s, Rational.of(1, 2)));
        assertThrows(ParameterException.class, () -> D1DiffusionPropagation.d2StoppingTimes(s,
                BigInteger.valueOf(3), P));
        assertThrows(ParameterException.class, () -> D1DiffusionPropagation.generationError(BigInteger.ONE,
                BigInteger.ONE, Certified.exact(Rational.ONE), Rational.of(-1), P));
        assertThrows(IllegalArgumentException.class, () -> D1DiffusionPropagation.bound(s, BigInteger.ONE,
                D1DiffusionPropagation.fixedStoppingTimes(s, Rational.ONE), extras(Rational.ZERO, 1), P));
    }
}
