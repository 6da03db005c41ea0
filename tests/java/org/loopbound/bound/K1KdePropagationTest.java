package org.loopbound.bound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Dyadic;
import org.loopbound.arith.Interval;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.param.ParameterException;

/**
 * K1: the Gaussian smoothing bias (explicit crossing point) and the unrolled recursion in expectation.
 *
 * <p>Bias references: mpmath 1.3 at 60 digits, TV(N(0, σ²+h²), N(0, σ²)) = (2Φ(c/σ) − 1) − (2Φ(c/s) − 1) with
 * c² = 2s²σ²/(s²−σ²)·ln(s/σ), confirmed to 25 digits by mpmath.quad of ½∫|N(0,s²) − N(0,σ²)|.
 */
class K1KdePropagationTest {

    private static final long SEED = 20260603L;
    private static final Precision P128 = Precision.bits(128);

    private static Rational q(String s) {
        return Rational.parse(s);
    }

    private static Schedule fixedProportion(Rational lambda, int generations) {
        List<Rational> lambdas = new ArrayList<>(Collections.nCopies(generations + 1, lambda));
        lambdas.set(0, Rational.ONE);
        return Schedule.previousGeneration(Collections.nCopies(generations + 1, BigInteger.valueOf(1000)), lambdas);
    }

    @ParameterizedTest(name = "σ² = {0}, h = {1}")
    @CsvSource({
        "1, 1/5, 0.009489960254375621826110991002859554417062",
        "1, 1/1000, 0.0000002419706035338567060246364700375063764535",
        "4, 2/5, 0.009489960254375621826110991002859554417062",
    })
    void smoothingBiasMatchesTheIndependentReference(String variance, String h, String value) {
        Interval bias = K1KdePropagation.gaussianSmoothingBias(q(variance), q(h), P128);
        assertTrue(bias.contains(Rational.of(new BigDecimal(value))), () -> bias.format(45) + " misses " + value);
        long m = bias.hi().magnitude();
        assertTrue(bias.width().compareTo(Dyadic.ONE.scaleByPowerOfTwo((int) (m + 6 - 128))) < 0, bias::toString);
    }

    @Test
    void explicitCrossingAgreesWithTheCertifiedMixtureSearchOfK2() {
        // Two independent computations of TV(N(0, σ²+h²), N(0, σ²)): K1's closed-form crossing point and K2's
        // Newton-plus-certification search at generation 0.
        qt().withFixedSeed(SEED).withExamples(40).forAll(longs().between(1, 5000), longs().between(1, 400))
                .checkAssert((hn, vn) -> {
                    Rational h = Rational.of(hn, 1000);
                    Rational variance = Rational.of(vn, 100);
                    Interval k1 = K1KdePropagation.gaussianSmoothingBias(variance, h, P128);
                    Interval k2 = K2KdeExpectedDensity.tvToReal(variance, h, Rational.ZERO, 0, P128);
                    assertTrue(k1.lo().compareTo(k2.hi()) <= 0 && k2.lo().compareTo(k1.hi()) <= 0,
                            () -> "h = " + h + ", σ² = " + variance + ": " + k1 + " vs " + k2);
                });
    }

    @Test
    void exactInputsGiveTheR3ClosedFormExactly() {
        qt().withFixedSeed(SEED).withExamples(100)
                .forAll(longs().between(1, 100), integers().between(0, 30), longs().between(0, 100))
                .checkAssert((ln, i, nn) -> {
                    Rational lambda = Rational.of(ln, 100);
                    Rational noise = Rational.of(nn, 1000);
                    Rational bias = q("1/97");
                    List<Certified> b = K1KdePropagation.bound(fixedProportion(lambda, i), Certified.exact(bias),
                            Collections.nCopies(i + 1, noise), P128);
                    assertEquals(i + 1, b.size());
                    // Fixed proportion, constant ε = noise + bias: B_i = ε (1 − (1−λ)^(i+1))/λ.
                    Rational eps = noise.add(bias);
                    Rational expected = eps.multiply(Rational.ONE.subtract(Rational.ONE.subtract(lambda).pow(i + 1)))
                            .divide(lambda);
                    assertEquals(expected, b.get(i).exact());
                });
    }

    @Test
    void fullySyntheticBoundGrowsLinearlyAndEnclosesTheCertifiedBias() {
        Interval bias = K1KdePropagation.gaussianSmoothingBias(Rational.ONE, q("1/5"), P128);
        List<Rational> noise = List.of(q("1/100"), q("1/50"), q("3/100"), q("1/25"));
        List<Certified> b = K1KdePropagation.bound(fixedProportion(Rational.ZERO, 3), Certified.enclosed(bias), noise,
                P128);
        Rational mid = bias.midpoint().toRational();
        Rational sum = Rational.ZERO;
        for (int i = 0; i < noise.size(); i++) {
            sum = sum.add(noise.get(i)).add(mid);
            Rational exactAtMid = sum;
            Interval bi = b.get(i).enclosure();
            assertTrue(bi.contains(exactAtMid), () -> bi + " misses Σ (noise_j + bias) = " + exactAtMid);
        }
    }

    @Test
    void withoutSamplingNoiseTheK1UpperBoundIsAboveTheK2LowerBound() {
        // With noise 0, p̂_i = K_h*q_i is the mean process E p̂_i itself (K2_mean_mixture), so K1 bounds
        // TV(E p̂_i, p₀) from above: the two certified values must be ordered consistently.
        Interval bias = K1KdePropagation.gaussianSmoothingBias(Rational.ONE, q("1/5"), P128);
        for (Rational lambda : List.of(Rational.ZERO, q("1/10"), q("1/2"))) {
            int last = 10;
            List<Certified> b = K1KdePropagation.bound(fixedProportion(lambda, last), Certified.enclosed(bias),
                    Collections.nCopies(last + 1, Rational.ZERO), P128);
            for (int i = 0; i <= last; i++) {
                Interval lower = K2KdeExpectedDensity.tvToReal(Rational.ONE, q("1/5"), lambda, i, P128);
                Interval upper = b.get(i).enclosure();
                int gen = i;
                assertTrue(lower.lo().compareTo(upper.hi()) <= 0,
                        () -> "λ = " + lambda + ", i = " + gen + ": K2 " + lower + " above K1 " + upper);
            }
        }
    }

    @Test
    void invalidInputsAreRejected() {
        Certified bias = Certified.exact(q("1/100"));
        Schedule chain = fixedProportion(q("1/2"), 2);
        assertThrows(IllegalArgumentException.class,
                () -> K1KdePropagation.bound(chain, bias, List.of(Rational.ZERO, Rational.ZERO), P128));
        assertThrows(IllegalArgumentException.class,
                () -> K1KdePropagation.bound(chain, bias, List.of(Rational.ZERO, q("-1/10"), Rational.ZERO), P128));
        assertThrows(IllegalArgumentException.class, () -> K1KdePropagation.bound(chain,
                Certified.exact(q("-1/100")), List.of(Rational.ZERO, Rational.ZERO, Rational.ZERO), P128));
        Schedule accumulate = Schedule.general(Collections.nCopies(3, BigInteger.TEN),
                List.of(Rational.ONE, q("1/2"), q("1/2")),
                List.of(List.of(), List.of(q("1/2")), List.of(q("1/4"), q("1/4"))));
        assertThrows(IllegalArgumentException.class, () -> K1KdePropagation.bound(accumulate, bias,
                List.of(Rational.ZERO, Rational.ZERO, Rational.ZERO), P128));
        assertThrows(ParameterException.class,
                () -> K1KdePropagation.gaussianSmoothingBias(Rational.ZERO, q("1/5"), P128));
        assertThrows(ParameterException.class,
                () -> K1KdePropagation.gaussianSmoothingBias(Rational.ONE, q("-1/5"), P128));
    }
}
