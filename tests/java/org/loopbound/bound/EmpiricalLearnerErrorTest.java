package org.loopbound.bound;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.loopbound.arith.Interval;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.param.ParameterException;

class EmpiricalLearnerErrorTest {

    private static final Precision P = Precision.bits(128);

    /** k = 10, N = 10^4, δ = 10^-3: ½(√(9/10^4) + √(2 ln 1000/10^4)), reference from mpmath (40 digits). */
    @Test
    void referenceValue() {
        Interval e = EmpiricalLearnerError.epsilon(BigInteger.valueOf(10_000), Rational.of(1, 1000), 10, P);
        Rational ref = Rational.of(new BigDecimal("0.0335846109442491922347620338065224158014616"));
        Interval widened = Interval.of(ref.subtract(Rational.parse("1e-40")), P)
                .hull(Interval.of(ref.add(Rational.parse("1e-40")), P));
        assertTrue(e.lessOrEqual(widened) != org.loopbound.arith.Trilean.FALSE
                && widened.lessOrEqual(e) != org.loopbound.arith.Trilean.FALSE, e.toString());
    }

    @Test
    void decreasesInNAndDeltaAndIncreasesInK() {
        qt().withFixedSeed(BoundFixtures.SEED).withExamples(100)
                .forAll(longs().between(1, 1_000_000_000L), integers().between(1, 1000), integers().between(2, 998))
                .checkAssert((n, k, d) -> {
                    Rational delta = Rational.of(d, 1000);
                    Interval base = EmpiricalLearnerError.epsilon(BigInteger.valueOf(n), delta, k, P);
                    Interval moreN = EmpiricalLearnerError.epsilon(BigInteger.valueOf(n + 1), delta, k, P);
                    Interval moreK = EmpiricalLearnerError.epsilon(BigInteger.valueOf(n), delta, k + 1, P);
                    Interval moreDelta = EmpiricalLearnerError.epsilon(BigInteger.valueOf(n), Rational.of(d + 1, 1000),
                            k, P);
                    assertTrue(moreN.lessThan(base).isTrue());
                    assertTrue(base.lessThan(moreK).isTrue());
                    assertTrue(moreDelta.lessThan(base).isTrue());
                });
    }

    @Test
    void domain() {
        assertThrows(ParameterException.class,
                () -> EmpiricalLearnerError.epsilon(BigInteger.TEN, Rational.ONE, 3, P));
        assertThrows(ParameterException.class,
                () -> EmpiricalLearnerError.epsilon(BigInteger.TEN, Rational.of(1, 2), 0, P));
        assertThrows(ParameterException.class,
                () -> EmpiricalLearnerError.epsilon(BigInteger.ZERO, Rational.of(1, 2), 3, P));
    }
}
