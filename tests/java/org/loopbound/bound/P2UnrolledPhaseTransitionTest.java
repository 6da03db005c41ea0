package org.loopbound.bound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Interval;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.param.ParameterException;

/**
 * P2: certified isolation of the maximizer of F_i, the reference ratios of theory.md §3, agreement with P1 at i = 1,
 * invariance of s* / r under scaling r and b (cross-checked with the s-space derivative), the peak property and the
 * monotone criterion behind uniqueness.
 */
class P2UnrolledPhaseTransitionTest {

    private static final long SEED = 20260302L;
    private static final Precision P = Precision.bits(128);
    private static final Rational HALF = Rational.of(1, 2);
    private static final Rational DEFAULT_WIDTH = Rational.parse("1e-20");

    private static Rational dec(String s) {
        return Rational.parse(s);
    }

    @ParameterizedTest
    @CsvSource({
        "1, 3, 3.0000000000000000000000000000000000000000",
        "2, 4.1656, 4.165637359836406769292054081928306893615",
        "3, 5.2746, 5.274592805793767255796328878538590154343",
        "5, 7.3932, 7.393150940699279404409522151486201441289",
        "10, 12.3917, 12.39174067564997962915967770085655798124",
    })
    void referenceRatiosForAlphaOneHalfAreEnclosed(int i, String digits, String reference) {
        P2UnrolledPhaseTransition.Maximizer m =
                P2UnrolledPhaseTransition.maximizer(HALF, Rational.ONE, Rational.of(100), i, DEFAULT_WIDTH, P);
        Interval ratio = m.ratio().enclosure();
        // To the digits of theory.md: the enclosure rounds to them (lies within ±half a unit of the last digit).
        Rational ref = dec(digits);
        Rational halfUnit = Rational.of(1, 2).multiply(dec(digits.contains(".") ? "1e-4" : "1"));
        assertTrue(ratio.lo().toRational().compareTo(ref.subtract(halfUnit)) >= 0
                && ratio.hi().toRational().compareTo(ref.add(halfUnit)) <= 0, () -> "i=" + i + ": " + ratio);
        // And against a 40-digit mpmath root of F_i' (mpmath rounds to ±5e-40).
        Rational precise = dec(reference);
        Rational tol = dec("1e-39");
        assertTrue(ratio.lo().toRational().compareTo(precise.add(tol)) <= 0
                && ratio.hi().toRational().compareTo(precise.subtract(tol)) >= 0, () -> "i=" + i + ": " + ratio);
    }

    @Test
    void theEnclosureHasTheRequestedWidthAndACertifiedSignChange() {
        Rational r = Rational.of(7, 3);
        Rational b = Rational.of(5);
        Rational width = dec("1e-30");
        P2UnrolledPhaseTransition.Maximizer m = P2UnrolledPhaseTransition.maximizer(HALF, b, r, 10, width, P);
        Interval s = m.sStar().enclosure();
        assertTrue(s.width().toRational().compareTo(width) <= 0, s.toString());
        assertTrue(m.derivativeAtLeft().lo().signum() > 0 && m.derivativeAtRight().hi().signum() < 0);
        // Re-check the certificate independently, at a higher precision, at the ends of the ratio enclosure.
        Interval t = m.ratio().enclosure();
        Precision high = Precision.bits(400);
        assertTrue(P2UnrolledPhaseTransition.derivative(HALF, b, r, 10, r.multiply(t.lo().toRational()), high)
                .lo().signum() > 0);
        assertTrue(P2UnrolledPhaseTransition.derivative(HALF, b, r, 10, r.multiply(t.hi().toRational()), high)
                .hi().signum() < 0);
        assertTrue(s.contains(r.multiply(t.lo().toRational())) && s.contains(r.multiply(t.hi().toRational())));
    }

    /**
     * A relative width: the enclosure meets hi − lo ≤ ρ·lo, the certificate holds, and the result overlaps the
     * absolute-width enclosure of the same maximizer; for ρ ≥ 1 too (the code caps the working width).
     */
    @ParameterizedTest
    @CsvSource({"1/4, 1, 1e-25", "1/2, 10, 1e-30", "99/100, 3, 1e-12", "1/3, 2, 3", "999999/1000000, 1, 1/1000"})
    void aRelativeWidthIsMetRelativelyAndAgreesWithTheAbsoluteOne(String alpha, int i, String rho) {
        Rational a = dec(alpha);
        Rational r = dec("1e40");
        TargetWidth target = TargetWidth.relative(dec(rho));
        P2UnrolledPhaseTransition.Maximizer m = P2UnrolledPhaseTransition.maximizer(a, HALF, r, i, target, P);
        Interval s = m.sStar().enclosure();
        assertTrue(s.lo().signum() > 0 && s.width().toRational().compareTo(dec(rho).multiply(s.lo().toRational()))
                <= 0, s::toString);
        assertTrue(target.isMetBy(s));
        assertTrue(m.derivativeAtLeft().lo().signum() > 0 && m.derivativeAtRight().hi().signum() < 0);
        Interval t = P2UnrolledPhaseTransition.maximizer(a, HALF, Rational.ONE, i, dec("1e-12"), P).sStar()
                .enclosure();
        Interval scaled = Interval.of(t.lo().toRational().multiply(r), P).hull(Interval.of(t.hi().toRational()
                .multiply(r), P));
        assertTrue(s.lo().compareTo(scaled.hi()) <= 0 && scaled.lo().compareTo(s.hi()) <= 0,
                () -> s + " vs " + scaled);
    }

    @Test
    void oneGenerationAgreesWithP1() {
        qt().withFixedSeed(SEED).withExamples(60)
                .forAll(integers().between(1, 999), longs().between(1, 1_000_000), longs().between(1, 1000))
                .checkAssert((k, rn, bn) -> {
                    Rational a = Rational.of(k, 1000);
                    Rational r = Rational.of(rn, 7);
                    Rational b = Rational.of(bn, 3);
                    P2UnrolledPhaseTransition.Maximizer m =
                            P2UnrolledPhaseTransition.maximizer(a, b, r, 1, DEFAULT_WIDTH, P);
                    Interval p1Ratio = P1PhaseTransition.ratioFromReal(a, P).enclosure();
                    Interval p1Star = P1PhaseTransition.sStarFromReal(a, r, P).enclosure();
                    assertTrue(m.ratio().enclosure().contains(p1Ratio),
                            () -> "alpha " + a + ": P2 " + m.ratio() + " misses P1 " + p1Ratio);
                    assertTrue(m.sStar().enclosure().contains(p1Star),
                            () -> "alpha " + a + ": P2 " + m.sStar() + " misses P1 " + p1Star);
                });
    }

    @Test
    void ratioIsInvariantUnderScalingRealAmountAndB() {
        qt().withFixedSeed(SEED).withExamples(40)
                .forAll(integers().between(1, 63), integers().between(1, 12), longs().between(1, 1_000_000),
                        longs().between(1, 1_000_000))
                .checkAssert((k, i, scaleR, scaleB) -> {
                    Rational a = Rational.of(k, 64);
                    Rational r = Rational.of(3);
                    Rational b = Rational.of(2);
                    Rational r2 = r.multiply(Rational.of(scaleR, 13));
                    Rational b2 = b.multiply(Rational.of(scaleB, 11));
                    Rational width = dec("1e-12");
                    P2UnrolledPhaseTransition.Maximizer m1 = P2UnrolledPhaseTransition.maximizer(a, b, r, i, width, P);
                    P2UnrolledPhaseTransition.Maximizer m2 =
                            P2UnrolledPhaseTransition.maximizer(a, b2, r2, i, width.multiply(r2).divide(r), P);
                    Interval t1 = m1.ratio().enclosure();
                    Interval t2 = m2.ratio().enclosure();
                    assertTrue(t1.lo().compareTo(t2.hi()) <= 0 && t2.lo().compareTo(t1.hi()) <= 0,
                            () -> "s* / r differs: " + t1 + " vs " + t2);
                    // The first instance's ratio enclosure also certifies the scaled instance, via F_i' in s-space.
                    Precision high = Precision.bits(256);
                    assertTrue(P2UnrolledPhaseTransition.derivative(a, b2, r2, i, r2.multiply(t1.lo().toRational()),
                            high).lo().signum() > 0, "F_i' > 0 at the scaled lower end");
                    assertTrue(P2UnrolledPhaseTransition.derivative(a, b2, r2, i, r2.multiply(t1.hi().toRational()),
                            high).hi().signum() < 0, "F_i' < 0 at the scaled upper end");
                });
    }

    @Test
    void theMaximizerBeatsEveryOtherAmount() {
        qt().withFixedSeed(SEED).withExamples(60)
                .forAll(integers().between(1, 63), integers().between(1, 15), integers().between(0, 5000))
                .checkAssert((k, i, j) -> {
                    Rational a = Rational.of(k, 64);
                    Rational r = Rational.of(50);
                    Rational b = Rational.ONE;
                    P2UnrolledPhaseTransition.Maximizer m = P2UnrolledPhaseTransition.maximizer(a, b, r, i,
                            DEFAULT_WIDTH, P);
                    Precision fine = Precision.bits(200);
                    Interval peak = P2UnrolledPhaseTransition.value(a, b, r, i, m.sStar().enclosure(), fine);
                    if (j >= 990 && j <= 1010) {
                        return;
                    }
                    Rational s = m.sStar().enclosure().midpoint().toRational().multiply(Rational.of(j, 1000));
                    Certified f = P2UnrolledPhaseTransition.value(a, b, r, i, s, fine);
                    assertTrue(f.enclosure().hi().compareTo(peak.lo()) <= 0,
                            () -> "F_i(s) > F_i(s*) at s = " + s + ": " + f + " vs " + peak);
                });
    }

    @Test
    void endsOfTheCurveAreTheRealOnlyError() {
        // F_i(0) = b r^(−α) exactly; r = 100, α = 1/2: 1/10.
        for (int i : new int[] {1, 2, 7}) {
            assertEquals(Certified.exact(Rational.of(1, 10)),
                    P2UnrolledPhaseTransition.value(HALF, Rational.ONE, Rational.of(100), i, Rational.ZERO, P));
            Certified far = P2UnrolledPhaseTransition.value(HALF, Rational.ONE, Rational.of(100), i, dec("1e30"), P);
            assertTrue(far.enclosure().lo().toRational().compareTo(dec("0.0999")) > 0
                    && far.enclosure().hi().toRational().compareTo(dec("0.1001")) < 0, far.toString());
        }
        // At s = 300 with r = 100 (x = 3/4, N^(−1/2) = 1/20), i = 2: (1/10)(9/16) + (1/20)(7/4) = 23/160.
        assertEquals(Certified.exact(Rational.of(23, 160)),
                P2UnrolledPhaseTransition.value(HALF, Rational.ONE, Rational.of(100), 2, Rational.of(300), P));
    }

    @Test
    void theCriterionIsDecreasingAndHasTheSignOfTheDerivative() {
        qt().withFixedSeed(SEED).withExamples(300)
                .forAll(integers().between(1, 999), integers().between(1, 30), longs().between(1, 100_000),
                        longs().between(1, 100_000))
                .checkAssert((k, i, u, v) -> {
                    Rational a = Rational.of(k, 1000);
                    Rational t1 = Rational.of(Math.min(u, v), 1000);
                    Rational t2 = Rational.of(Math.max(u, v), 1000);
                    Interval c1 = P2UnrolledPhaseTransition.criterion(a, i, t1, P);
                    Interval c2 = P2UnrolledPhaseTransition.criterion(a, i, t2, P);
                    if (u.longValue() != v.longValue()) {
                        assertTrue(c1.lo().compareTo(c2.hi()) > 0, () -> "kappa not decreasing: " + c1 + ", " + c2);
                    }
                    Rational r = Rational.of(17, 5);
                    Interval d = P2UnrolledPhaseTransition.derivative(a, Rational.of(3), r, i, r.multiply(t1), P);
                    if (c1.lo().signum() > 0 || c1.hi().signum() < 0) {
                        assertTrue(!d.containsZero() && d.lo().signum() == c1.lo().signum(),
                                () -> "sign of F_i' " + d + " differs from kappa " + c1);
                    }
                });
    }

    @Test
    void tenGenerationsToWidthTenToTheMinusThirtyIsFast() {
        Rational width = dec("1e-30");
        P2UnrolledPhaseTransition.maximizer(HALF, Rational.ONE, Rational.of(100), 10, width, P);
        long start = System.nanoTime();
        P2UnrolledPhaseTransition.Maximizer m =
                P2UnrolledPhaseTransition.maximizer(HALF, Rational.ONE, Rational.of(100), 10, width, P);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofSeconds(1)) < 0, "took " + took);
        assertTrue(m.sStar().enclosure().width().toRational().compareTo(width) <= 0);
    }

    @Test
    void badParametersAndUnreachableWidthsAreRefused() {
        assertThrows(ParameterException.class,
                () -> P2UnrolledPhaseTransition.maximizer(HALF, Rational.ONE, Rational.ONE, 0, DEFAULT_WIDTH, P));
        assertThrows(ParameterException.class,
                () -> P2UnrolledPhaseTransition.maximizer(HALF, Rational.ONE, Rational.ONE, 2, Rational.ZERO, P));
        assertThrows(ParameterException.class,
                () -> P2UnrolledPhaseTransition.maximizer(Rational.ONE, Rational.ONE, Rational.ONE, 2, DEFAULT_WIDTH,
                        P));
        assertThrows(ParameterException.class,
                () -> P2UnrolledPhaseTransition.maximizer(HALF, Rational.ONE, Rational.ZERO, 2, DEFAULT_WIDTH, P));
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> P2UnrolledPhaseTransition.maximizer(HALF, Rational.ONE, Rational.ONE, 2, dec("1e-20000"), P));
        assertTrue(e.getMessage().contains("working bits"), e.getMessage());
    }
}
