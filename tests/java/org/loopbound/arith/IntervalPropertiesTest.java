package org.loopbound.arith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigInteger;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Enclosure properties of {@link Interval}: for random rational operands and random points inside the operand
 * intervals, the exact result lies in the computed interval. Fixed seeds make every run identical.
 */
class IntervalPropertiesTest {

    private static final long SEED = 20261125L;
    private static final int EXAMPLES = 400;

    /** Rationals with numerators and denominators up to 10^12, so endpoints are rarely dyadic. */
    static Gen<Rational> rationals() {
        return longs().between(-1_000_000_000_000L, 1_000_000_000_000L)
                .zip(longs().between(1, 1_000_000_000_000L), Rational::of);
    }

    static Gen<Rational> positiveRationals() {
        return longs().between(1, 1_000_000_000_000L)
                .zip(longs().between(1, 1_000_000_000_000L), Rational::of);
    }

    /** A point of [a, b] (in either order): a + t·(b − a) for t = k/1000. */
    static Rational between(Rational a, Rational b, int k) {
        return a.add(b.subtract(a).multiply(Rational.of(k, 1000)));
    }

    /** The hull of two rational endpoints at the given precision, so the points between them are inside. */
    static Interval hull(Rational a, Rational b, Precision p) {
        return Interval.of(a, p).hull(Interval.of(b, p));
    }

    private static void checkBinary(String name, BinaryOperator<Rational> exact,
                                    TriFunction op, boolean positiveSecond) {
        Gen<Rational> second = positiveSecond ? positiveRationals() : rationals();
        qt().withFixedSeed(SEED).withExamples(EXAMPLES)
                .forAll(rationals(), rationals(), second, second)
                .checkAssert((a1, a2, b1, b2) -> {
                    for (int bits : new int[] {16, 64, 200}) {
                        Precision p = Precision.bits(bits);
                        Interval x = hull(a1, a2, p);
                        Interval y = hull(b1, b2, p);
                        Interval r = op.apply(x, y, p);
                        for (int k : new int[] {0, 137, 500, 999, 1000}) {
                            Rational px = between(a1, a2, k);
                            Rational py = between(b1, b2, 1000 - k);
                            Rational e = exact.apply(px, py);
                            assertTrue(r.contains(e), () -> name + " " + x + " , " + y + " = " + r + " misses " + e);
                        }
                        assertTrue(r.contains(exact.apply(x.lo().toRational(), y.hi().toRational())));
                    }
                });
    }

    @FunctionalInterface
    interface TriFunction {
        Interval apply(Interval x, Interval y, Precision p);
    }

    @Test
    void additionEncloses() {
        checkBinary("add", Rational::add, Interval::add, false);
    }

    @Test
    void subtractionEncloses() {
        checkBinary("subtract", Rational::subtract, Interval::subtract, false);
    }

    @Test
    void multiplicationEnclosesInEverySignCase() {
        checkBinary("multiply", Rational::multiply, Interval::multiply, false);
    }

    @Test
    void divisionEncloses() {
        checkBinary("divide", Rational::divide, Interval::divide, true);
        checkBinary("divide by negative", Rational::divide,
                (x, y, p) -> x.divide(y.negate(), p).negate(), true);
    }

    @Test
    void divisionByAWholeNumberEnclosesAndIsNoWiderThanTheIntervalQuotient() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES)
                .forAll(rationals(), rationals(), longs().between(1, 1_000_000_000_000L))
                .checkAssert((a1, a2, k) -> {
                    for (int bits : new int[] {16, 64, 200}) {
                        Precision p = Precision.bits(bits);
                        Interval x = hull(a1, a2, p);
                        Interval r = x.divide(k, p);
                        for (int t : new int[] {0, 137, 500, 999, 1000}) {
                            Rational e = between(a1, a2, t).divide(Rational.of(k));
                            assertTrue(r.contains(e), () -> x + " / " + k + " = " + r + " misses " + e);
                        }
                        Interval corners = x.divide(Interval.of(k), p);
                        assertTrue(r.width().compareTo(corners.width()) <= 0, () -> r + " wider than " + corners);
                    }
                });
        assertThrows(IllegalArgumentException.class, () -> Interval.of(1).divide(0, Precision.bits(64)));
    }

    @Test
    void divisionByIntervalContainingZeroIsAnError() {
        Precision p = Precision.bits(64);
        Interval straddle = Interval.of(Dyadic.of(-1), Dyadic.of(1));
        assertThrows(ArithmeticException.class, () -> Interval.of(1).divide(straddle, p));
        assertThrows(ArithmeticException.class, () -> Interval.of(1).divide(Interval.of(0), p));
    }

    @Test
    void integerPowerEncloses() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES)
                .forAll(rationals(), rationals(), integers().between(-7, 25))
                .checkAssert((a1, a2, n) -> {
                    Precision p = Precision.bits(80);
                    Interval x = hull(a1, a2, p);
                    if (n < 0 && x.containsZero()) {
                        assertThrows(ArithmeticException.class, () -> x.pow(n, p));
                        return;
                    }
                    Interval r = x.pow(n, p);
                    for (int k : new int[] {0, 250, 500, 750, 1000}) {
                        Rational e = between(a1, a2, k).pow(n);
                        assertTrue(r.contains(e), () -> x + "^" + n + " = " + r + " misses " + e);
                    }
                    if (n % 2 == 0 && n > 0) {
                        assertTrue(r.lo().signum() >= 0, "even powers are non-negative");
                    }
                });
    }

    @Test
    void sqrtEnclosesAndIsMonotone() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES)
                .forAll(positiveRationals(), positiveRationals())
                .checkAssert((a1, a2) -> {
                    Precision p = Precision.bits(100);
                    Interval x = hull(a1, a2, p);
                    Interval r = x.sqrt(p);
                    // √t ∈ [lo, hi] ⇔ lo² ≤ t ≤ hi² for lo, hi ≥ 0: checked exactly at every sampled point.
                    Rational lo2 = r.lo().toRational().pow(2);
                    Rational hi2 = r.hi().toRational().pow(2);
                    for (int k : new int[] {0, 333, 1000}) {
                        Rational t = between(a1, a2, k);
                        assertTrue(lo2.compareTo(t) <= 0 && t.compareTo(hi2) <= 0, () -> "sqrt " + x + " = " + r);
                    }
                    assertTrue(r.lo().compareTo(r.hi()) <= 0);
                });
    }

    /**
     * exp and ln are checked against two independent facts: an enclosure at 4× the precision must lie inside
     * (so the low-precision one is not too narrow), and they must be inverse to each other on the exact points.
     */
    @Test
    void expAndLnEncloseHighPrecisionValuesAndInvertEachOther() {
        qt().withFixedSeed(SEED).withExamples(150)
                .forAll(longs().between(-60_000, 60_000), longs().between(1, 1000),
                        integers().between(24, 200))
                .checkAssert((num, den, bits) -> {
                    Precision p = Precision.bits(bits);
                    Precision high = Precision.bits(4 * bits + 64);
                    Interval x = Interval.of(Rational.of(num, den), p);
                    Interval e = x.exp(p);
                    assertTrue(e.contains(x.exp(high)), () -> "exp " + x);
                    assertTrue(e.ln(high).contains(Rational.of(num, den)), () -> "ln(exp " + x + ")");
                    // Independent of this implementation: the JDK's exp is within 1 ulp of e^xd, and the double
                    // argument xd is within |x|·2^-53 of x, which moves e^x by at most e^x·|x|·2^-53 (+ 2nd order).
                    double xd = Rational.of(num, den).doubleValue();
                    double d = Math.exp(xd);
                    if (Double.isFinite(d) && d > Double.MIN_NORMAL) {
                        double slack = 4 * Math.ulp(d) + 2 * d * Math.abs(xd) * 0x1p-53;
                        assertTrue(e.lo().doubleValue() <= d + slack && d - slack <= e.hi().doubleValue());
                    }
                });
        qt().withFixedSeed(SEED).withExamples(150)
                .forAll(positiveRationals(), integers().between(24, 200))
                .checkAssert((q, bits) -> {
                    Precision p = Precision.bits(bits);
                    Precision high = Precision.bits(4 * bits + 64);
                    Interval x = Interval.of(q, p);
                    Interval l = x.ln(p);
                    assertTrue(l.contains(x.ln(high)), () -> "ln " + x);
                    assertTrue(l.exp(high).contains(x.lo().toRational()) || !x.isPoint());
                    double d = Math.log(q.doubleValue());
                    // ln moves by at most 2^-53 (+ 2nd order) when its argument is rounded to a double.
                    double slack = 4 * Math.ulp(d) + 0x1p-51;
                    assertTrue(l.lo().doubleValue() <= d + slack && d - slack <= l.hi().doubleValue());
                });
    }

    @Test
    void realPowerEnclosesRationalPowersWithKnownValues() {
        // x^(1/2) = √x and x^(3) = x³ exactly: the real power must enclose both.
        qt().withFixedSeed(SEED).withExamples(200)
                .forAll(positiveRationals())
                .checkAssert(q -> {
                    Precision p = Precision.bits(120);
                    Interval x = Interval.of(q, p);
                    Interval half = x.pow(Interval.of(Rational.of(1, 2), p), p);
                    Rational lo2 = half.lo().toRational().pow(2);
                    Rational hi2 = half.hi().toRational().pow(2);
                    assertTrue(lo2.compareTo(x.lo().toRational()) <= 0 && x.hi().toRational().compareTo(hi2) <= 0);
                    assertTrue(x.pow(Interval.of(3), p).contains(x.lo().toRational().pow(3)));
                });
    }

    @Test
    void monotoneFunctionsMapEndpointOrder() {
        qt().withFixedSeed(SEED).withExamples(200)
                .forAll(positiveRationals(), positiveRationals())
                .checkAssert((a, b) -> {
                    Precision p = Precision.bits(64);
                    Rational small = a.min(b);
                    Rational large = a.max(b);
                    Interval s = Interval.of(small, p);
                    Interval l = Interval.of(large, p);
                    if (small.compareTo(large) < 0 && s.lessThan(l).isTrue()) {
                        assertTrue(s.ln(p).lessOrEqual(l.ln(p)) != Trilean.FALSE);
                        assertTrue(s.sqrt(p).lessOrEqual(l.sqrt(p)) != Trilean.FALSE);
                        Interval hull = s.hull(l);
                        assertTrue(hull.ln(p).contains(s.ln(p)) && hull.ln(p).contains(l.ln(p)));
                        assertTrue(hull.sqrt(p).contains(s.sqrt(p)) && hull.sqrt(p).contains(l.sqrt(p)));
                    }
                });
    }

    /** Documented bound: rounding a result of magnitude |x| < 2^(m+1) to p bits widens it by at most 2^(m+2−p). */
    @Test
    void widthAtPrecisionIsBelowDocumentedBound() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES)
                .forAll(rationals(), integers().between(8, 400))
                .checkAssert((q, bits) -> {
                    Precision p = Precision.bits(bits);
                    Interval x = Interval.of(q, p);
                    if (q.signum() != 0) {
                        long m = x.hi().abs().max(x.lo().abs()).magnitude();
                        Dyadic bound = Dyadic.ONE.scaleByPowerOfTwo((int) (m + 2 - bits));
                        assertTrue(x.width().compareTo(bound) <= 0, () -> q + " at " + bits + ": " + x);
                    }
                    assertTrue(x.lo().bitLength() <= bits && x.hi().bitLength() <= bits);
                });
    }

    @Test
    void widthsShrinkAsPrecisionGrows() {
        Rational third = Rational.of(1, 3);
        Dyadic previous = null;
        for (int bits = 16; bits <= 1024; bits *= 2) {
            Precision p = Precision.bits(bits);
            Dyadic w = Interval.of(third, p).exp(p).ln(p).width();
            if (previous != null) {
                assertTrue(w.compareTo(previous) < 0, "width must shrink at " + bits + " bits");
            }
            previous = w;
        }
    }

    @Test
    void comparisonsAnswerTrueFalseOrUnknown() {
        Interval a = Interval.of(Dyadic.of(1), Dyadic.of(2));
        Interval b = Interval.of(Dyadic.of(3), Dyadic.of(4));
        Interval c = Interval.of(Dyadic.of(2), Dyadic.of(3));
        assertEquals(Trilean.TRUE, a.lessThan(b));
        assertEquals(Trilean.FALSE, b.lessThan(a));
        assertEquals(Trilean.UNKNOWN, a.lessThan(c));
        assertEquals(Trilean.TRUE, a.lessOrEqual(c));
        assertEquals(Trilean.UNKNOWN, c.lessOrEqual(a));
        assertEquals(Interval.of(Dyadic.of(1), Dyadic.of(2)), a.min(b));
        assertEquals(Interval.of(Dyadic.of(0), Dyadic.of(2)), Interval.of(Dyadic.of(-2), Dyadic.of(1)).abs());
    }

    @Test
    void domainErrors() {
        Precision p = Precision.bits(64);
        Interval straddle = Interval.of(Dyadic.of(-1), Dyadic.of(1));
        assertThrows(ArithmeticException.class, () -> straddle.sqrt(p));
        assertThrows(ArithmeticException.class, () -> straddle.ln(p));
        assertThrows(ArithmeticException.class, () -> Interval.of(0).ln(p));
        assertThrows(ArithmeticException.class, () -> straddle.pow(Interval.of(1), p));
        assertThrows(IllegalArgumentException.class, () -> Interval.of(Dyadic.of(2), Dyadic.of(1)));
        assertThrows(ArithmeticException.class,
                () -> Interval.point(Dyadic.of(BigInteger.ONE, 40)).exp(p));
        assertThrows(IllegalArgumentException.class, () -> Precision.bits(3));
    }

    @Test
    void formatRoundsOutward() {
        Interval third = Interval.of(Rational.of(1, 3), Precision.bits(200));
        assertEquals("[0.3333, 0.3334]", third.format(4));
        Interval minusThird = third.negate();
        assertEquals("[-0.3334, -0.3333]", minusThird.format(4));
    }
}
