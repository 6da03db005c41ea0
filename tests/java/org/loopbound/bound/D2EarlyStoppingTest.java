package org.loopbound.bound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Interval;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.param.ParameterException;

/**
 * D2: the minimizer τ* = (mN/4)^(1/5) of φ(τ) = τ⁴/(mN) + 1/τ, the minimum 5·4^(−4/5)(mN)^(−1/5), the U-shape of φ
 * around τ*, and the certified root of 4τ⁵/(mN) + 3τ⁴/m² = 1.
 */
class D2EarlyStoppingTest {

    private static final long SEED = 20260303L;
    private static final Precision P = Precision.bits(128);

    private static BigInteger big(long v) {
        return BigInteger.valueOf(v);
    }

    @Test
    void theConstantFiveTimesFourToTheMinusFourFifthsIsEnclosed() {
        Interval c = D2EarlyStopping.minimumValue(BigInteger.ONE, BigInteger.ONE, P).enclosure();
        assertTrue(c.lo().toRational().compareTo(Rational.parse("1.649384")) >= 0
                && c.hi().toRational().compareTo(Rational.parse("1.649385")) <= 0, c.toString());
        // mpmath, 40 digits: 5·4^(−4/5) = 1.649384888466117824217502464037050166292.
        Rational ref = Rational.parse("1.649384888466117824217502464037050166292");
        Rational tol = Rational.parse("1e-39");
        assertTrue(c.lo().toRational().compareTo(ref.add(tol)) <= 0
                && c.hi().toRational().compareTo(ref.subtract(tol)) >= 0, c.toString());
    }

    @Test
    void exactCasesAreExact() {
        // mN = 128: τ* = 32^(1/5) = 2; mN = 4: τ* = 1 and φ(1) = 1/4 + 1 = 5/4 = 5·(1024)^(−1/5).
        assertEquals(Certified.exact(Rational.of(2)), D2EarlyStopping.optimalStoppingTime(big(8), big(16), P));
        assertEquals(Certified.exact(Rational.ONE), D2EarlyStopping.optimalStoppingTime(big(2), big(2), P));
        assertEquals(Certified.exact(Rational.of(5, 4)), D2EarlyStopping.minimumValue(big(4), BigInteger.ONE, P));
        assertEquals(Certified.exact(Rational.of(5, 4)),
                D2EarlyStopping.phi(big(4), BigInteger.ONE, Certified.exact(Rational.ONE), P));
    }

    @Test
    void minimumValueIsPhiAtTheMinimizer() {
        qt().withFixedSeed(SEED).withExamples(300)
                .forAll(longs().between(1, 1_000_000_000L), longs().between(1, 1_000_000_000L))
                .checkAssert((m, n) -> {
                    Certified tau = D2EarlyStopping.optimalStoppingTime(big(m), big(n), P);
                    Interval atTau = D2EarlyStopping.phi(big(m), big(n), tau, P).enclosure();
                    Interval min = D2EarlyStopping.minimumValue(big(m), big(n), P).enclosure();
                    assertTrue(atTau.lo().compareTo(min.hi()) <= 0 && min.lo().compareTo(atTau.hi()) <= 0,
                            () -> "phi(tau*) = " + atTau + " but minimum " + min);
                });
    }

    @Test
    void phiIsUShapedAroundTheMinimizer() {
        qt().withFixedSeed(SEED).withExamples(400)
                .forAll(longs().between(1, 1_000_000L), longs().between(1, 1_000_000L), integers().between(1, 999))
                .checkAssert((m, n, k) -> {
                    Certified tau = D2EarlyStopping.optimalStoppingTime(big(m), big(n), P);
                    Interval min = D2EarlyStopping.phi(big(m), big(n), tau, P).enclosure();
                    Rational t = Rational.of(k, 1000);
                    for (Rational factor : new Rational[] {Rational.ONE.add(t), Rational.ONE.subtract(t)}) {
                        Certified moved = tau.multiply(Certified.exact(factor), P);
                        Interval v = D2EarlyStopping.phi(big(m), big(n), moved, P).enclosure();
                        assertTrue(v.lo().compareTo(min.hi()) > 0,
                                () -> "phi(tau*·" + factor + ") = " + v + " not above phi(tau*) = " + min);
                    }
                });
    }

    @Test
    void cubicTermRootIsCertifiedBySignChange() {
        qt().withFixedSeed(SEED).withExamples(300)
                .forAll(longs().between(1, 1_000_000L), longs().between(1, 1_000_000_000L))
                .checkAssert((m, n) -> {
                    Certified root = D2EarlyStopping.optimalStoppingTimeWithCubicTerm(big(m), big(n), P);
                    Interval x = root.enclosure();
                    // Independent check of 4τ⁵/(mN) + 3τ⁴/m² − 1 at the ends, in exact rationals.
                    assertTrue(condition(x.lo().toRational(), m, n).signum() <= 0, () -> "not below at " + x);
                    assertTrue(condition(x.hi().toRational(), m, n).signum() >= 0, () -> "not above at " + x);
                    assertTrue(x.width().compareTo(x.hi().scaleByPowerOfTwo(2 - P.bits())) <= 0, x::toString);
                    // Keeping the positive τ³/m² term moves the stationary point below τ*.
                    Interval tauStar = D2EarlyStopping.optimalStoppingTime(big(m), big(n), P).enclosure();
                    assertTrue(x.hi().compareTo(tauStar.lo()) < 0, () -> x + " not below tau* " + tauStar);
                });
    }

    private static Rational condition(Rational tau, long m, long n) {
        Rational mn = Rational.of(m).multiply(Rational.of(n));
        return Rational.of(4).multiply(tau.pow(5)).divide(mn)
                .add(Rational.of(3).multiply(tau.pow(4)).divide(Rational.of(m).pow(2)))
                .subtract(Rational.ONE);
    }

    @Test
    void badSizesAreRefused() {
        assertThrows(ParameterException.class,
                () -> D2EarlyStopping.optimalStoppingTime(BigInteger.ZERO, BigInteger.ONE, P));
        assertThrows(ParameterException.class,
                () -> D2EarlyStopping.minimumValue(BigInteger.ONE, big(-3), P));
        assertThrows(ParameterException.class,
                () -> D2EarlyStopping.optimalStoppingTimeWithCubicTerm(BigInteger.ZERO, BigInteger.ONE, P));
        assertThrows(ParameterException.class,
                () -> D2EarlyStopping.phi(BigInteger.ONE, BigInteger.ONE, Certified.exact(Rational.ZERO), P));
    }
}
