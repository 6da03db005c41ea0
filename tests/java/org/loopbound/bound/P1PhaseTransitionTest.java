package org.loopbound.bound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Dyadic;
import org.loopbound.arith.Interval;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.param.ParameterException;
import org.quicktheories.core.Gen;

/**
 * P1: the threshold s* of f(s) = e·s/(r+s) + b·(r+s)^(−α), its reference ratios, the exact transition decision, and
 * unimodality of f around the certified s* at random parameters (fixed seed).
 */
class P1PhaseTransitionTest {

    private static final long SEED = 20260301L;
    private static final Precision P = Precision.bits(128);
    private static final Precision FINE = Precision.bits(200);

    /** α = k/1000 for k in [1, 999]. */
    static Gen<Rational> alphas() {
        return integers().between(1, 999).map(k -> Rational.of(k, 1000));
    }

    /** Positive rationals n/d with n in [1, hi], d in [1, 1000]. */
    static Gen<Rational> positives(long hi) {
        return longs().between(1, hi).zip(longs().between(1, 1000), Rational::of);
    }

    static Rational dec(String s) {
        return Rational.parse(s);
    }

    /** Whether the enclosure lies in [lo, hi]. */
    static boolean within(Certified v, String lo, String hi) {
        Interval x = v.enclosure();
        return x.lo().toRational().compareTo(dec(lo)) >= 0 && x.hi().toRational().compareTo(dec(hi)) <= 0;
    }

    /** Whether the enclosure meets ref ± tol (the reference is itself rounded). */
    static boolean meets(Certified v, String ref, String tol) {
        Interval x = v.enclosure();
        Rational r = dec(ref);
        Rational t = dec(tol);
        return x.lo().toRational().compareTo(r.add(t)) <= 0 && x.hi().toRational().compareTo(r.subtract(t)) >= 0;
    }

    @Test
    void ratioForTheRealOnlyPredecessorMatchesTheReferences() {
        assertEquals(Certified.exact(Rational.of(3)), P1PhaseTransition.ratioFromReal(Rational.of(1, 2), P));
        Certified quarter = P1PhaseTransition.ratioFromReal(Rational.of(1, 4), P);
        assertTrue(within(quarter, "5.349604", "5.349605"), quarter.toString());
        // mpmath, 40 digits: 4^(4/3) − 1 and 5^(5/4) − 1.
        assertTrue(meets(quarter, "5.349604207872797899006822557089233041566", "1e-39"), quarter.toString());
        assertTrue(quarter.enclosure().width().toRational().compareTo(dec("1e-36")) < 0);
        Certified fifth = P1PhaseTransition.ratioFromReal(Rational.of(1, 5), P);
        assertTrue(within(fifth, "6.476743", "6.476745"), fifth.toString());
        assertTrue(meets(fifth, "6.476743906106102709559494970704566976817", "1e-39"), fifth.toString());
    }

    @Test
    void criticalSizeIsExactForAlphaOneHalf() {
        Rational half = Rational.of(1, 2);
        // e·r/(α·b) = 20, squared.
        assertEquals(Certified.exact(Rational.of(400)),
                P1PhaseTransition.criticalSize(half, Rational.ONE, Rational.of(1, 10), Rational.of(100), P));
        assertEquals(Certified.exact(Rational.of(300)),
                P1PhaseTransition.sStar(half, Rational.ONE, Rational.of(1, 10), Rational.of(100), P));
        assertEquals(Certified.exact(Rational.of(3)),
                P1PhaseTransition.ratio(half, Rational.ONE, Rational.of(1, 10), Rational.of(100), P));
        assertEquals(Certified.exact(Rational.of(400)), P1PhaseTransition.criticalSizeFromReal(half, Rational.of(100),
                P));
        // f(300) = (1/10)(3/4) + 400^(−1/2) = 1/8.
        assertEquals(Certified.exact(Rational.of(1, 8)), P1PhaseTransition.value(half, Rational.ONE,
                Certified.exact(Rational.of(1, 10)), Rational.of(100), Rational.of(300), P));
        assertEquals(Certified.exact(Rational.of(1, 10)),
                P1PhaseTransition.inheritedFromReal(half, Rational.ONE, Rational.of(100), P));
    }

    @Test
    void transitionIsDecidedExactlyAtAndAroundTheBoundary() {
        Rational half = Rational.of(1, 2);
        Rational r = Rational.of(100);
        // e·r^α = (1/10)·10 = 1 = α·b: equality, no transition.
        assertFalse(P1PhaseTransition.transitionExists(half, Rational.of(2), Rational.of(1, 10), r));
        Rational tiny = dec("1e-60");
        assertTrue(P1PhaseTransition.transitionExists(half, Rational.of(2), Rational.of(1, 10).add(tiny), r));
        assertFalse(P1PhaseTransition.transitionExists(half, Rational.of(2), Rational.of(1, 10).subtract(tiny), r));
        // Irrational r^α = 2^(1/3) = 1.2599210498948731647672…: c = α·b/e = 1/e on either side of it.
        Rational third = Rational.of(1, 3);
        assertTrue(P1PhaseTransition.transitionExists(third, Rational.of(3), Rational.ONE.divide(
                dec("1.25992104989487316476")), Rational.of(2)));
        assertFalse(P1PhaseTransition.transitionExists(third, Rational.of(3), Rational.ONE.divide(
                dec("1.25992104989487316477")), Rational.of(2)));
    }

    @Test
    void transitionAgreesWithTheSignOfTheThreshold() {
        qt().withFixedSeed(SEED).withExamples(300)
                .forAll(alphas(), positives(1000), positives(1000), positives(100_000))
                .checkAssert((a, b, e, r) -> {
                    boolean exists = P1PhaseTransition.transitionExists(a, b, e, r);
                    Certified s = P1PhaseTransition.sStar(a, b, e, r, FINE);
                    Interval x = s.enclosure();
                    if (x.lo().signum() > 0) {
                        assertTrue(exists, () -> "s* > 0 but no transition: " + a + " " + b + " " + e + " " + r);
                    } else if (x.hi().signum() <= 0) {
                        assertFalse(exists, () -> "s* <= 0 but a transition: " + a + " " + b + " " + e + " " + r);
                    }
                });
    }

    @Test
    void fIsUnimodalAroundTheCertifiedThreshold() {
        qt().withFixedSeed(SEED).withExamples(150)
                .forAll(alphas(), positives(1000), positives(1_000_000),
                        integers().between(0, 3000).zip(integers().between(0, 3000), (u, v) -> new int[] {u, v}))
                .checkAssert((a, b, r, ks) -> {
                    Certified e = P1PhaseTransition.inheritedFromReal(a, b, r, FINE);
                    Certified sStar = P1PhaseTransition.sStarFromReal(a, r, FINE);
                    assertTrue(sStar.enclosure().lo().signum() > 0, "the real-only predecessor always has s* > 0");
                    Interval peak = P1PhaseTransition.value(a, b, e, r, sStar.enclosure(), FINE);
                    Rational mid = sStar.enclosure().midpoint().toRational();
                    int k1 = Math.min(ks[0], ks[1]);
                    int k2 = Math.max(ks[0], ks[1]);
                    if (k1 < 990 || k1 > 1010) {
                        Rational s = mid.multiply(Rational.of(k1, 1000));
                        Certified f = P1PhaseTransition.value(a, b, e, r, s, FINE);
                        assertTrue(f.enclosure().hi().compareTo(peak.lo()) <= 0,
                                () -> "f(s*) >= f(s) fails at s = " + s + ": " + peak + " vs " + f);
                    }
                    if (k1 == k2 || (k2 >= 990 && k1 <= 1010)) {
                        return;
                    }
                    Certified f1 = P1PhaseTransition.value(a, b, e, r, mid.multiply(Rational.of(k1, 1000)), FINE);
                    Certified f2 = P1PhaseTransition.value(a, b, e, r, mid.multiply(Rational.of(k2, 1000)), FINE);
                    if (k2 < 990) {
                        assertTrue(f1.enclosure().hi().compareTo(f2.enclosure().lo()) < 0, "f increases left of s*");
                    } else {
                        assertTrue(f1.enclosure().lo().compareTo(f2.enclosure().hi()) > 0, "f decreases right of s*");
                    }
                });
    }

    @Test
    void withoutTransitionFDecreasesFromZero() {
        Rational a = Rational.of(1, 2);
        Rational b = Rational.of(3);
        Rational e = Rational.of(1, 10);
        Rational r = Rational.of(100);
        assertFalse(P1PhaseTransition.transitionExists(a, b, e, r));
        assertTrue(P1PhaseTransition.sStar(a, b, e, r, P).enclosure().hi().signum() < 0);
        Certified previous = P1PhaseTransition.value(a, b, Certified.exact(e), r, Rational.ZERO, P);
        for (int s = 10; s <= 10_000; s *= 10) {
            Certified f = P1PhaseTransition.value(a, b, Certified.exact(e), r, Rational.of(s), P);
            assertTrue(f.enclosure().hi().compareTo(previous.enclosure().lo()) < 0, "f decreases at s = " + s);
            previous = f;
        }
    }

    @Test
    void integerRootIsTheFloorRoot() {
        qt().withFixedSeed(SEED).withExamples(500)
                .forAll(longs().between(0, Long.MAX_VALUE), integers().between(1, 80), integers().between(0, 400))
                .checkAssert((n0, k, extraBits) -> {
                    BigInteger n = BigInteger.valueOf(n0).shiftLeft(extraBits).add(BigInteger.valueOf(extraBits));
                    BigInteger root = P1PhaseTransition.integerRoot(n, k);
                    assertTrue(root.pow(k).compareTo(n) <= 0, () -> "root^k > n for n = " + n + ", k = " + k);
                    assertTrue(root.add(BigInteger.ONE).pow(k).compareTo(n) > 0,
                            () -> "(root+1)^k <= n for n = " + n + ", k = " + k);
                });
    }

    @Test
    void rootPowersEncloseTheExactPower() {
        // z ∈ P ⇒ z^c ∈ P^c: the c-th power of an enclosure of y^(a/c) must contain y^a exactly.
        qt().withFixedSeed(SEED).withExamples(300)
                .forAll(longs().between(1, 1L << 40), integers().between(-40, 40), integers().between(-9, 9),
                        integers().between(1, 12))
                .checkAssert((m, e, a, c) -> {
                    Dyadic y = Dyadic.of(BigInteger.valueOf(m), e);
                    Rational x = Rational.of(a, c);
                    Interval p = P1PhaseTransition.power(Interval.point(y), x, FINE);
                    int num = x.numerator().intValueExact();
                    int den = x.denominator().intValueExact();
                    Interval back = p.pow(den, Precision.bits(400));
                    assertTrue(back.contains(y.toRational().pow(num)), () -> y + "^" + x + " = " + p);
                    Interval viaExp = Interval.point(y).pow(Interval.of(x, FINE), FINE);
                    assertTrue(p.lo().compareTo(viaExp.hi()) <= 0 && viaExp.lo().compareTo(p.hi()) <= 0,
                            () -> "root path " + p + " and exp/ln path " + viaExp + " disagree");
                });
    }

    @Test
    void exactPowersAreFoundExactlyWhenRational() {
        assertEquals(Rational.of(8, 27), P1PhaseTransition.exactPower(Rational.of(16, 81), Rational.of(3, 4),
                Integer.MAX_VALUE));
        assertEquals(Rational.of(27, 8), P1PhaseTransition.exactPower(Rational.of(16, 81), Rational.of(-3, 4),
                Integer.MAX_VALUE));
        assertEquals(null, P1PhaseTransition.exactPower(Rational.of(2), Rational.of(1, 2), Integer.MAX_VALUE));
        assertEquals(null, P1PhaseTransition.exactPower(Rational.of(3), Rational.of(1000), 64));
    }

    @Test
    void parametersOutsideTheirDomainsAreRefused() {
        Rational half = Rational.of(1, 2);
        assertThrows(ParameterException.class,
                () -> P1PhaseTransition.sStar(Rational.ONE, Rational.ONE, Rational.ONE, Rational.ONE, P));
        assertThrows(ParameterException.class,
                () -> P1PhaseTransition.sStar(Rational.ZERO, Rational.ONE, Rational.ONE, Rational.ONE, P));
        assertThrows(ParameterException.class,
                () -> P1PhaseTransition.sStar(half, Rational.ZERO, Rational.ONE, Rational.ONE, P));
        assertThrows(ParameterException.class,
                () -> P1PhaseTransition.sStar(half, Rational.ONE, Rational.ZERO, Rational.ONE, P));
        assertThrows(ParameterException.class,
                () -> P1PhaseTransition.transitionExists(half, Rational.ONE, Rational.ONE, Rational.of(-1)));
        assertThrows(ParameterException.class, () -> P1PhaseTransition.value(half, Rational.ONE,
                Certified.exact(Rational.ONE), Rational.ONE, Rational.of(-1), P));
    }
}
