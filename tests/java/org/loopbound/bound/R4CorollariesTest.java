package org.loopbound.bound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Interval;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.arith.Rounding;
import org.loopbound.param.ParameterException;

class R4CorollariesTest {

    private static final Precision P = Precision.bits(128);

    /** theory.md §2: λ = 1/10, ε = 1: B_20 = 8.905810…, B_100 = 9.999760…; checked through the scenario engine. */
    @Test
    void fixedProportionReferenceValues() {
        Schedule s = Scenario.FIXED_PROPORTION.schedule(ScenarioArguments.of(100)
                .with(ScenarioParameter.N, BigInteger.valueOf(1000))
                .with(ScenarioParameter.LAMBDA, Rational.of(1, 10)));
        List<Certified> b = R3UnrolledBound.recursion(s, BoundFixtures.exact(Collections.nCopies(101, Rational.ONE)),
                P);
        assertEquals("8.905810", b.get(20).exact().toDecimal(7, Rounding.DOWN).toPlainString());
        assertEquals("9.999760", b.get(100).exact().toDecimal(7, Rounding.DOWN).toPlainString());
        assertEquals(b.get(20).exact(), R4Corollaries.fixedProportion(Rational.ONE, Rational.of(1, 10), 20));
        assertEquals(b.get(100).exact(), R4Corollaries.fixedProportion(Rational.ONE, Rational.of(1, 10), 100));
    }

    @Test
    void fixedProportionNeverExceedsEpsOverLambda() {
        qt().withFixedSeed(BoundFixtures.SEED).withExamples(300)
                .forAll(BoundFixtures.unitRationals(), BoundFixtures.epsilons(), integers().between(0, 200))
                .checkAssert((lambda, eps, i) -> {
                    if (lambda.signum() > 0) {
                        Rational b = R4Corollaries.fixedProportion(eps, lambda, i);
                        assertTrue(b.compareTo(R4Corollaries.fixedProportionLimit(eps, lambda)) <= 0);
                    }
                });
    }

    @Test
    void fullySyntheticGrowsLinearly() {
        Schedule s = Scenario.FULLY_SYNTHETIC.schedule(ScenarioArguments.of(7)
                .with(ScenarioParameter.N, BigInteger.TEN));
        List<Certified> b = R3UnrolledBound.recursion(s,
                BoundFixtures.exact(Collections.nCopies(8, Rational.of(1, 3))), P);
        for (int i = 0; i <= 7; i++) {
            assertEquals(R4Corollaries.fullySynthetic(Rational.of(1, 3), i), b.get(i).exact());
        }
    }

    /** C6 reading: B_i ≤ 2ε iff λ_i ≥ (i−1)/i, checked against the engine on both sides of the threshold. */
    @Test
    void lastInjectionThresholdIsExact() {
        qt().withFixedSeed(BoundFixtures.SEED).withExamples(200)
                .forAll(integers().between(1, 30), BoundFixtures.unitRationals(), BoundFixtures.epsilons())
                .checkAssert((i, lambda, eps) -> {
                    if (eps.signum() == 0) {
                        return;
                    }
                    Schedule s = Scenario.LAST_INJECTION.schedule(ScenarioArguments.of(i)
                            .with(ScenarioParameter.N, BigInteger.TEN)
                            .withIfPresent(ScenarioParameter.LAMBDA, lambda));
                    Rational b = R3UnrolledBound.recursion(s, BoundFixtures.exact(Collections.nCopies(i + 1, eps)), P)
                            .get(i).exact();
                    assertEquals(R4Corollaries.lastInjection(eps, lambda, i), b);
                    boolean within = b.compareTo(eps.multiply(Rational.of(2))) <= 0;
                    assertEquals(lambda.compareTo(R4Corollaries.lastInjectionThreshold(i)) >= 0, within);
                });
    }

    @Test
    void growingSizeBoundMatchesEngineAndStaysBelowLimit() {
        BigInteger n0 = BigInteger.valueOf(100);
        Schedule s = Scenario.GROWING_SIZE.schedule(ScenarioArguments.of(8).with(ScenarioParameter.N, n0)
                .with(ScenarioParameter.GROWTH_EXPONENT, 4));
        LearningError rate = LearningError.rate(Rational.of(3), Rational.of(1, 2));
        List<Certified> eps = new java.util.ArrayList<>();
        for (int j = 0; j <= 8; j++) {
            eps.add(rate.epsilon(s.size(j), P));
        }
        Interval engine = R3UnrolledBound.recursion(s, eps, P).get(8).enclosure();
        Interval corollary = R4Corollaries.growingSize(Rational.of(3), n0, 8, P).enclosure();
        // Same value, computed two ways: the enclosures must overlap.
        assertTrue(engine.lessOrEqual(corollary) != org.loopbound.arith.Trilean.FALSE
                && corollary.lessOrEqual(engine) != org.loopbound.arith.Trilean.FALSE);
        Interval limit = R4Corollaries.growingSizeLimit(Rational.of(3), n0, P).enclosure();
        assertTrue(corollary.lessThan(limit).isTrue());
        // (π²/6)·3/√100 = π²/20; reference from mpmath (45 digits), so its error is far below the enclosure width.
        Rational ref = Rational.of(new BigDecimal("0.49348022005446793094172454999380755676568497"));
        Interval widened = Interval.of(ref.subtract(Rational.parse("1e-43")), P)
                .hull(Interval.of(ref.add(Rational.parse("1e-43")), P));
        assertTrue(limit.lessOrEqual(widened) != org.loopbound.arith.Trilean.FALSE
                && widened.lessOrEqual(limit) != org.loopbound.arith.Trilean.FALSE, limit.toString());
    }

    @Test
    void inverseSquareSumIsBelowCoqConstant() {
        for (int i = 0; i < 50; i++) {
            Rational s = R4Corollaries.inverseSquareSum(i);
            assertTrue(s.compareTo(Rational.of(2).subtract(Rational.of(1, i + 1))) <= 0);
        }
    }

    @Test
    void domainErrors() {
        assertThrows(ParameterException.class, () -> R4Corollaries.fixedProportion(Rational.ONE,
                Rational.ZERO, 3));
        assertThrows(ParameterException.class, () -> R4Corollaries.lastInjectionThreshold(0));
    }
}
