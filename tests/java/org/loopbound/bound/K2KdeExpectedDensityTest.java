package org.loopbound.bound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Dyadic;
import org.loopbound.arith.Interval;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.arith.Trilean;
import org.loopbound.param.ParameterException;
import org.quicktheories.core.Gen;

/**
 * K2: the exact weights of E[p̂_i] and the certified TV(E p̂_i, p₀) for p₀ = N(μ, σ²).
 *
 * <p>TV references were produced independently with mpmath 1.3 at 60 digits by two methods that agree to at least
 * 25 digits: the crossing-point formula (root of G by mpmath.findroot, masses by mpmath.ncdf) and direct
 * quadrature of ½∫|E p̂_i − p₀| (mpmath.quad over [0, c, 2c, 10c, ∞)):
 * <pre>
 * w = [lam*(1-lam)**j for j in range(i)] + [(1-lam)**i];  v_j = 1 + (j+1) h²/σ²
 * G(y) = Σ w_j v_j^(-1/2) exp(y (1 - 1/v_j)) - 1;  c = sqrt(2 y*)
 * TV = (2 ncdf(c) - 1) - Σ w_j (2 ncdf(c/sqrt(v_j)) - 1)   # and, independently, quad(|d|)
 * </pre>
 */
class K2KdeExpectedDensityTest {

    private static final long SEED = 20260602L;
    private static final Precision P128 = Precision.bits(128);

    private static Rational q(String s) {
        return Rational.parse(s);
    }

    @ParameterizedTest(name = "theory.md §5: i = {0}")
    @CsvSource({"0, 0.0094900", "1, 0.0186200", "4, 0.0440860", "9, 0.0812250"})
    void theoryReferenceTableToTheDigitsGiven(int i, String value) {
        Interval tv = K2KdeExpectedDensity.tvToReal(Rational.ONE, q("0.2"), Rational.ZERO, i, P128);
        // The whole enclosure rounds to the tabulated 7 decimals: it lies within half a unit of the last digit.
        Rational ref = q(value);
        Rational half = q("5e-8");
        assertTrue(Interval.of(ref.subtract(half), P128).hull(Interval.of(ref.add(half), P128)).contains(tv),
                () -> "TV(E p_" + i + ", p0) = " + tv.format(20) + " does not round to " + value);
    }

    @ParameterizedTest(name = "σ² = {0}, h = {1}, λ = {2}, i = {3}")
    @CsvSource({
        "1, 1/5, 0, 0, 0.009489960254375621826110991002859554417062",
        "1, 1/5, 0, 1, 0.01862002133473695950750500705718350300712",
        "1, 1/5, 0, 4, 0.04408595495274581357342019741916781105566",
        "1, 1/5, 0, 9, 0.08122498766396364364311830467619127937888",
        "1, 1/5, 0, 50, 0.2623319835635554925443096112053924584365",
        "1, 1/5, 1/2, 1, 0.01405471587363081993381734385877526865901",
        "1, 1/5, 1/2, 9, 0.01828774068618532437451917112968558072209",
        "1, 1/5, 1/2, 50, 0.01830040304769397764198067640452192898073",
        "2, 1, 1/3, 5, 0.1882300939656223396520555112387116221618",
        "1, 1/1000, 0, 0, 0.0000002419706035338567060246364700375063764535",
        "1, 1/1000, 1/10, 3, 0.0000008321357666002035689124243770091086947469",
        "1, 100, 1/4, 3, 0.9814129385784563581883018383011847369068",
        "4, 2/5, 0, 4, 0.04408595495274581357342019741916781105566",
        "4, 2/5, 1/2, 9, 0.01828774068618532437451917112968558072209",
    })
    void tvMatchesTheIndependentReference(String variance, String h, String lambda, int i, String value) {
        Rational ref = Rational.of(new BigDecimal(value));
        Interval previous = null;
        for (int bits : new int[] {64, 128, 256}) {
            Interval tv = K2KdeExpectedDensity.tvToReal(q(variance), q(h), q(lambda), i, Precision.bits(bits));
            // Relative width about 2^−p (documented), also for the tiny TV at h = 1/1000.
            long m = tv.hi().magnitude();
            assertTrue(tv.width().compareTo(Dyadic.ONE.scaleByPowerOfTwo((int) (m + 6 - bits))) < 0,
                    () -> bits + " bits: too wide " + tv.format(30));
            if (bits <= 128) {
                // The 40-digit reference is within 10^−40 relative of the truth, below these widths.
                assertTrue(tv.contains(ref), () -> bits + " bits: " + tv.format(45) + " misses " + value);
            }
            if (previous != null) {
                Interval prev = previous;
                assertTrue(tv.lo().compareTo(prev.hi()) <= 0 && prev.lo().compareTo(tv.hi()) <= 0,
                        () -> "enclosures at different precisions must overlap: " + prev + " " + tv);
            }
            previous = tv;
        }
    }

    /** λ = n/d in [0, 1] with d up to 1000 (including 0 and 1). */
    private static Gen<Rational> lambdas() {
        return longs().between(1, 1000).zip(longs().between(0, 1000), (d, n) -> Rational.of(Math.min(n, d), d));
    }

    @Test
    void weightsSumToOneAndFollowTheCoqRecursion() {
        qt().withFixedSeed(SEED).withExamples(300).forAll(lambdas(), integers().between(0, 40))
                .checkAssert((lambda, i) -> {
                    List<Rational> w = K2KdeExpectedDensity.weights(lambda, i);
                    List<Rational> next = K2KdeExpectedDensity.weights(lambda, i + 1);
                    assertEquals(i + 1, w.size());
                    // K2_weights_sum / K2_w_sum.
                    assertEquals(Rational.ONE, w.stream().reduce(Rational.ZERO, Rational::add));
                    // K2_weights_recursion: w_{i+1,0} = λ, w_{i+1,j+1} = (1−λ) w_{i,j}.
                    assertEquals(lambda, next.get(0));
                    for (int j = 0; j <= i; j++) {
                        assertEquals(Rational.ONE.subtract(lambda).multiply(w.get(j)), next.get(j + 1));
                        assertTrue(w.get(j).signum() >= 0);
                    }
                });
        assertEquals(List.of(Rational.ONE), K2KdeExpectedDensity.weights(q("1/3"), 0));
        assertEquals(List.of(q("1/2"), q("1/4"), q("1/4")), K2KdeExpectedDensity.weights(q("1/2"), 2));
        assertEquals(List.of(Rational.ZERO, Rational.ZERO, Rational.ONE), K2KdeExpectedDensity.weights(Rational.ZERO, 2));
    }

    @Test
    void varianceFactorHasItsClosedFormAndTheEffectiveBandwidthIsHSqrtIPlusOneWhenFullySynthetic() {
        qt().withFixedSeed(SEED).withExamples(200).forAll(lambdas(), integers().between(0, 40))
                .checkAssert((lambda, i) -> {
                    Rational f = K2KdeExpectedDensity.bandwidthVarianceFactor(lambda, i);
                    Rational expected = lambda.signum() == 0 ? Rational.of(i + 1L)
                            : Rational.ONE.subtract(Rational.ONE.subtract(lambda).pow(i + 1)).divide(lambda);
                    assertEquals(expected, f);
                });
        assertEquals(Certified.exact(q("2/5")).exact(),
                K2KdeExpectedDensity.effectiveBandwidth(q("1/5"), Rational.ZERO, 3, P128).exact());
        Certified h2 = K2KdeExpectedDensity.effectiveBandwidth(q("1/5"), Rational.ZERO, 1, P128);
        assertTrue(!h2.isExact() && h2.enclosure().multiply(h2.enclosure(), P128).contains(q("2/25")));
        assertEquals(List.of(q("26/25"), q("27/25"), q("28/25")),
                K2KdeExpectedDensity.componentVariances(Rational.ONE, q("1/5"), 2));
    }

    @Test
    void tvShrinksToZeroWithTheBandwidthBelowThePinskerBound() {
        // Pinsker and convexity of TV: TV(Σ w_j N(0, v_j), N(0, 1)) ≤ Σ w_j √(KL_j/2) with
        // KL_j = (v_j − 1 − ln v_j)/2 ≤ (v_j − 1)²/4, so TV ≤ (h²/σ²)·Σ_j w_j (j+1)/(2√2) < (h²/σ²)·factor·(3/8).
        qt().withFixedSeed(SEED).withExamples(40)
                .forAll(longs().between(1, 400), lambdas(), integers().between(0, 12))
                .checkAssert((hn, lambda, i) -> {
                    Rational h = Rational.of(hn, 1000);
                    Rational variance = Rational.of(7, 5);
                    Interval tv = K2KdeExpectedDensity.tvToReal(variance, h, lambda, i, P128);
                    Interval half = K2KdeExpectedDensity.tvToReal(variance, h.multiply(Rational.of(1, 2)), lambda, i,
                            P128);
                    assertEquals(Trilean.TRUE, half.lessThan(tv), () -> "TV must decrease with h: " + half + " " + tv);
                    assertTrue(half.lo().signum() > 0, "TV is positive for h > 0");
                    Rational pinsker = h.multiply(h).divide(variance)
                            .multiply(K2KdeExpectedDensity.bandwidthVarianceFactor(lambda, i)).multiply(q("3/8"));
                    assertTrue(tv.hi().toRational().compareTo(pinsker) <= 0,
                            () -> "TV " + tv + " above the Pinsker bound " + pinsker.doubleValue());
                });
    }

    @Test
    void withRealDataTheTvStaysBelowTheFullySyntheticValue() {
        for (int i : new int[] {1, 5, 20, 50}) {
            Interval mixed = K2KdeExpectedDensity.tvToReal(Rational.ONE, q("1/5"), q("1/2"), i, P128);
            Interval synthetic = K2KdeExpectedDensity.tvToReal(Rational.ONE, q("1/5"), Rational.ZERO, i, P128);
            assertEquals(Trilean.TRUE, mixed.lessThan(synthetic), () -> "i = " + i + ": " + mixed + " " + synthetic);
            // Bounded in i: every component has variance at most σ² + (i+1)h², yet the TV settles near 0.0183.
            assertTrue(mixed.hi().toRational().compareTo(q("0.0184")) < 0, mixed::toString);
        }
    }

    @Test
    void scaleAndTranslationInvariance() {
        qt().withFixedSeed(SEED).withExamples(20).forAll(longs().between(1, 50), lambdas(), integers().between(0, 6))
                .checkAssert((k, lambda, i) -> {
                    Rational s = Rational.of(k, 7);
                    Interval base = K2KdeExpectedDensity.tvToReal(Rational.ONE, q("3/10"), lambda, i, P128);
                    Interval scaled = K2KdeExpectedDensity.tvToReal(s.multiply(s), q("3/10").multiply(s), lambda, i,
                            P128);
                    assertTrue(base.lo().compareTo(scaled.hi()) <= 0 && scaled.lo().compareTo(base.hi()) <= 0,
                            () -> base + " vs " + scaled);
                });
    }

    @Test
    void zeroWeightsAreIgnoredAndTheMixtureFormAgreesWithTvToReal() {
        // λ = 1: E p̂_i = p₀ * N(0, h²) for every i ≥ 0, the generation-0 value.
        Interval g0 = K2KdeExpectedDensity.tvToReal(Rational.ONE, q("1/5"), Rational.ONE, 0, P128);
        Interval g3 = K2KdeExpectedDensity.tvToReal(Rational.ONE, q("1/5"), Rational.ONE, 3, P128);
        assertEquals(g0, g3);
        Interval direct = K2KdeExpectedDensity.tvScaleMixture(List.of(q("1/2"), q("1/2")),
                List.of(q("26/25"), q("27/25")), P128);
        assertEquals(K2KdeExpectedDensity.tvToReal(Rational.ONE, q("1/5"), q("1/2"), 1, P128), direct);
    }

    @Test
    void invalidInputsAreRejected() {
        assertThrows(ParameterException.class, () -> K2KdeExpectedDensity.weights(q("-1/2"), 1));
        assertThrows(ParameterException.class, () -> K2KdeExpectedDensity.weights(q("3/2"), 1));
        assertThrows(ParameterException.class, () -> K2KdeExpectedDensity.weights(q("1/2"), -1));
        assertThrows(ParameterException.class,
                () -> K2KdeExpectedDensity.tvToReal(Rational.ZERO, q("1/5"), Rational.ZERO, 1, P128));
        assertThrows(ParameterException.class,
                () -> K2KdeExpectedDensity.tvToReal(Rational.ONE, Rational.ZERO, Rational.ZERO, 1, P128));
        assertThrows(IllegalArgumentException.class, () -> K2KdeExpectedDensity.tvScaleMixture(
                List.of(q("1/2"), q("1/3")), List.of(q("2"), q("3")), P128));
        assertThrows(IllegalArgumentException.class, () -> K2KdeExpectedDensity.tvScaleMixture(
                List.of(Rational.ONE), List.of(Rational.ONE), P128));
        assertThrows(IllegalArgumentException.class, () -> K2KdeExpectedDensity.tvScaleMixture(
                List.of(Rational.ONE), List.of(q("2"), q("3")), P128));
        assertThrows(IllegalArgumentException.class, () -> K2KdeExpectedDensity.tvScaleMixture(
                List.of(q("3/2"), q("-1/2")), List.of(q("2"), q("3")), P128));
    }

    @Test
    void fiftyMixedGenerationsAt128BitsTakeWellUnderASecondOfCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        K2KdeExpectedDensity.tvToReal(Rational.ONE, q("1/5"), q("1/2"), 50, P128);
        long start = threads.getCurrentThreadCpuTime();
        K2KdeExpectedDensity.tvToReal(Rational.ONE, q("1/5"), q("1/3"), 50, P128);
        long millis = (threads.getCurrentThreadCpuTime() - start) / 1_000_000;
        assertTrue(millis < 1000, () -> "tvToReal(i = 50, λ = 1/3) took " + millis + " ms of CPU");
    }
}
