package org.loopbound.arith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quicktheories.core.Gen;

/**
 * {@link Gaussian}: enclosures of Φ, φ and P(|Z| ≤ c) against an independent implementation, with their documented
 * relative width, and properties tying them together (symmetry, monotonicity, Φ' = φ, interval extension).
 *
 * <p>The references are 100-significant-digit values (relative error below 10^−99 ≈ 2^−328, far below the widths
 * tested) from mpmath 1.3 at 130 digits, produced by:
 * <pre>
 * from mpmath import mp, mpf, ncdf, npdf, erf, sqrt, nstr
 * mp.dps = 130
 * for x in xs: print(x, nstr(ncdf(x), 100), nstr(npdf(x), 100))
 * for c in cs: print(c, nstr(erf(c/sqrt(2)), 100))
 * </pre>
 * At 64, 128 and 300 bits the rows at x = −18.5, −19 and −40 exercise both methods of {@link Gaussian} (the series
 * below t² = 2w + 64 and the asymptotic expansion above, w = p + 16).
 */
class GaussianTest {

    private static final long SEED = 20260527L;

    /** Whether the width of x is below 2^(m + slack − p) where 2^m ≤ |x.hi| (a relative width of about 2^−p). */
    private static boolean relativelyNarrow(Interval x, int bits, int slack) {
        long m = x.hi().magnitude();
        return x.width().compareTo(Dyadic.ONE.scaleByPowerOfTwo((int) (m + slack - bits))) < 0;
    }

    @ParameterizedTest(name = "Phi({0}) and phi({0})")
    @CsvSource({
        "0, 0.5, 0.3989422804014326779399460599343818684758586311649346576659258296706579258993018385012523339073069364",
        "-0.5, 0.3085375387259868963622953893916622601163978244454220631792238573208442045937204559747589399537550801, 0.3520653267642994777746804415965176531103151803757119496554690179882231978367166074876695830352912992",
        "0.5, 0.6914624612740131036377046106083377398836021755545779368207761426791557954062795440252410600462449199, 0.3520653267642994777746804415965176531103151803757119496554690179882231978367166074876695830352912992",
        "-1/3, 0.3694413401817636382727922820695735833282543699575503593950003584658024462577890103357590979182903122, 0.3773832276929931640179220243491843572273594231829540995583980810120806313752130323455779912610373673",
        "1/3, 0.6305586598182363617272077179304264166717456300424496406049996415341975537422109896642409020817096878, 0.3773832276929931640179220243491843572273594231829540995583980810120806313752130323455779912610373673",
        "-3, 0.001349898031630094526651814767594977377829368158380649364221985355805720764572100268038581286004217053, 0.00443184841193800717560235269612101124316873180434104325724909993644531923754374783016181295600236056",
        "3, 0.9986501019683699054733481852324050226221706318416193506357780146441942792354278997319614187139957829, 0.00443184841193800717560235269612101124316873180434104325724909993644531923754374783016181295600236056",
        "-10, 7.619853024160526065973343251599308363504033277956960578035355462896615622059648170334151385182804672e-24, 7.69459862670641934633903358004187723535946261288312858694962898866801661192419304702448570244347486e-23",
        "-18.5, 1.03236986895632896086568038420015065040655616250200402984561156724558852062216792852365673044893607e-76, 1.915432491671935406132724644833295523896646802602931147893195973699020564914541956094530680833213232e-75",
        "-19, 8.5272239526309765105061186326148362721450625593383249911525750972677812859186966550664114026989311e-81, 1.624636036773607994564430973367686201522914433269337322616088720340655682399419394705377626242192544e-79",
        "-40, 3.655893540915029703748985802688283665053944619977372624987757295676594832854440110403620873308165583e-350, 1.463270250838303178737097200338280954872411146377454381664067937793579359799041067320113638271259192e-348",
        "-100, 1.344179076744198305073080167135252846623172734777624392830659983307277254966889982199242050489494023e-2174, 1.344313467781723043340843360020516653183298383209994140028734770347721684902779554057590972499771258e-2172",
    })
    void cdfAndDensityMatchTheIndependentReference(String x, String cdf, String density) {
        Rational q = Rational.parse(x);
        Rational refCdf = Rational.of(new BigDecimal(cdf));
        Rational refDensity = Rational.of(new BigDecimal(density));
        for (int bits : new int[] {64, 128, 300}) {
            Precision p = Precision.bits(bits);
            Interval phi = Gaussian.cdf(q, p);
            Interval d = Gaussian.density(q, p);
            assertTrue(phi.contains(refCdf), () -> "Φ(" + x + ") at " + bits + " bits: " + phi.format(30));
            assertTrue(d.contains(refDensity), () -> "φ(" + x + ") at " + bits + " bits: " + d.format(30));
            assertTrue(relativelyNarrow(phi, bits, 4), () -> "Φ(" + x + ") too wide: " + phi.format(30));
            assertTrue(relativelyNarrow(d, bits, 4), () -> "φ(" + x + ") too wide: " + d.format(30));
            if (q.signum() < 0) {
                // The upper tail at +|x|: Φ(|x|) = 1 − Φ(x), enclosed to absolute width about 2^−p.
                Interval upper = Gaussian.cdf(q.negate(), p);
                assertTrue(upper.contains(Rational.ONE.subtract(refCdf)),
                        () -> "Φ(" + q.negate() + ") at " + bits + " bits: " + upper.format(30));
                assertTrue(relativelyNarrow(upper, bits, 4), () -> "Φ(−x) too wide: " + upper.format(30));
            }
        }
    }

    @ParameterizedTest(name = "P(|Z| <= {0})")
    @CsvSource({
        "1/1000, 0.0007978844278221251691806448886538825370064956295565983798771422905129161747155335291705340135500251642",
        "1, 0.6826894921370858971704650912640758449558259334532087819747889004859828839744096590017698368112786551",
        "5, 0.9999994266968562416121766524953342507092922911539727762208538290144021304824601558720132722938233669",
        "8, 0.9999999999999987558078851456431752968009654823623155022565442199448396952472946862792992483821860103",
    })
    void centralMassMatchesTheIndependentReferenceWithRelativeWidth(String c, String mass) {
        Rational ref = Rational.of(new BigDecimal(mass));
        for (int bits : new int[] {64, 128, 300}) {
            Precision p = Precision.bits(bits);
            Interval m = Gaussian.centralMass(Interval.of(Rational.parse(c), p.plus(16)), p);
            assertTrue(m.contains(ref), () -> "P(|Z| ≤ " + c + ") at " + bits + " bits: " + m.format(30));
            // Relative also for small c (2φ(c)S(c), not 2Φ(c) − 1, which would lose 10 bits at c = 1/1000).
            assertTrue(relativelyNarrow(m, bits, 4), () -> "P(|Z| ≤ " + c + ") too wide: " + m.format(30));
        }
    }

    @Test
    void bothMethodsAgreeWhereThePrecisionSwitchesBetweenThem() {
        // t² = 400: the asymptotic expansion at 128 bits (400 ≥ 2·144 + 64), the series at 300 bits (400 < 696).
        Interval asymptotic = Gaussian.cdf(Rational.of(-20), Precision.bits(128));
        Interval series = Gaussian.cdf(Rational.of(-20), Precision.bits(300));
        assertTrue(asymptotic.contains(series), () -> asymptotic.format(40) + " vs " + series.format(40));
    }

    @Test
    void farTailsAreEnclosedWithoutOverflow() {
        Precision p = Precision.bits(128);
        Dyadic farTail = Dyadic.ONE.scaleByPowerOfTwo(-65536);
        Interval lower = Gaussian.cdf(Rational.of(-1000), p);
        assertEquals(Dyadic.ZERO, lower.lo());
        assertTrue(lower.hi().compareTo(farTail) <= 0 && lower.hi().signum() > 0);
        // Just below the switch to the asymptotic expansion (t² = 349.69 < 352), where ½ + (Φ − ½) can round across 1.
        Interval nearOne = Gaussian.cdf(Rational.parse("18.7"), p);
        assertTrue(nearOne.hi().compareTo(Dyadic.ONE) <= 0 && relativelyNarrow(nearOne, 128, 4), nearOne::toString);
        Interval mass = Gaussian.centralMass(Interval.of(400), p);
        assertTrue(mass.hi().equals(Dyadic.ONE) && relativelyNarrow(mass, 128, 4), mass::toString);
        Interval upper = Gaussian.cdf(Rational.of(1000), p);
        assertTrue(upper.contains(Rational.ONE) && relativelyNarrow(upper, 128, 4), upper::toString);
        Interval d = Gaussian.density(Rational.of(400), p);
        assertTrue(d.lo().signum() == 0 && d.hi().compareTo(farTail) <= 0, d::toString);
        // At x = 300 (x²/2 = 45000 < 2^16) the value e^−45000/√(2π) ≈ 10^−19543.6 is still enclosed relatively.
        Interval near = Gaussian.density(Rational.of(300), p);
        assertTrue(near.lo().signum() > 0 && relativelyNarrow(near, 128, 4), near::toString);
    }

    @Test
    void centralMassRejectsNegativeArguments() {
        assertThrows(IllegalArgumentException.class,
                () -> Gaussian.centralMass(Interval.of(Rational.of(-1, 10), Precision.bits(64)), Precision.bits(64)));
    }

    /** Rationals n/999983 in about [−bound, bound]; the prime denominator keeps them off the dyadic grid. */
    private static Gen<Rational> reals(long bound) {
        return longs().between(-bound * 999_983L, bound * 999_983L).map(n -> Rational.of(n, 999_983L));
    }

    @Test
    void symmetryPhiOfXPlusPhiOfMinusXContainsOne() {
        Precision p = Precision.bits(96);
        qt().withFixedSeed(SEED).withExamples(150).forAll(reals(60)).checkAssert(x -> {
            Interval phi = Gaussian.cdf(x, p);
            Interval sum = phi.add(Gaussian.cdf(x.negate(), p), p);
            assertTrue(sum.contains(Rational.ONE), () -> "Φ(" + x + ") + Φ(−x) = " + sum);
            assertTrue(phi.lo().signum() >= 0 && phi.hi().compareTo(Dyadic.ONE) <= 0, () -> "Φ ∉ [0, 1]: " + phi);
            assertTrue(Gaussian.density(x, p).equals(Gaussian.density(x.negate(), p)), "φ is even");
        });
    }

    @Test
    void cdfIsCertainlyIncreasingAndItsDifferenceQuotientIsADensityValue() {
        Precision p = Precision.bits(128);
        qt().withFixedSeed(SEED).withExamples(150).forAll(reals(8), reals(8)).assuming((a, b) -> !a.equals(b))
                .checkAssert((a, b) -> {
                    Rational x = a.min(b);
                    Rational y = a.max(b);
                    Interval fx = Gaussian.cdf(x, p);
                    Interval fy = Gaussian.cdf(y, p);
                    assertEquals(Trilean.TRUE, fx.lessThan(fy), () -> "Φ(" + x + ") < Φ(" + y + "): " + fx + " " + fy);
                    // Mean value theorem: (Φ(y) − Φ(x))/(y − x) = φ(ξ) for some ξ ∈ [x, y], so it meets φ([x, y]).
                    Interval quotient = fy.subtract(fx, p).divide(Interval.of(y.subtract(x), p), p);
                    Interval range = Gaussian.density(Interval.of(x, p).hull(Interval.of(y, p)), p);
                    assertTrue(quotient.lo().compareTo(range.hi()) <= 0 && range.lo().compareTo(quotient.hi()) <= 0,
                            () -> "difference quotient " + quotient + " outside φ([x, y]) = " + range);
                    // The interval extension contains the values at both ends.
                    Interval hull = Gaussian.cdf(Interval.of(x, p).hull(Interval.of(y, p)), p);
                    assertTrue(hull.contains(fx) && hull.contains(fy), hull::toString);
                });
    }

    @Test
    void narrowExpAgreesWithIntervalExp() {
        Precision p = Precision.bits(160);
        qt().withFixedSeed(SEED).withExamples(200).forAll(reals(50)).checkAssert(x -> {
            Interval arg = Interval.of(x, p);
            Interval fast = Gaussian.exp(arg, p);
            Interval reference = arg.exp(p);
            assertTrue(fast.lo().compareTo(reference.hi()) <= 0 && reference.lo().compareTo(fast.hi()) <= 0,
                    () -> "e^" + x + ": " + fast + " vs " + reference);
            // The argument itself is 1 ulp wide, which e^x inherits; the bound e^w ≤ 1 + 2w at most doubles that.
            Dyadic allowed = reference.width().multiply(Dyadic.of(3))
                    .add(Dyadic.ONE.scaleByPowerOfTwo((int) (fast.hi().magnitude() + 4 - 160)));
            assertTrue(fast.width().compareTo(allowed) <= 0, () -> "e^" + x + " too wide: " + fast + " vs " + reference);
        });
        // A wide interval goes through Interval.exp and still contains the values at its ends.
        Interval wide = Interval.of(-3).hull(Interval.of(2));
        Interval e = Gaussian.exp(wide, p);
        assertTrue(e.contains(Interval.of(-3).exp(p)) && e.contains(Interval.of(2).exp(p)), e::toString);
    }

    @Test
    void inverseSqrtTwoPiIsTheDensityAtZero() {
        Rational ref = Rational.of(new BigDecimal("0.3989422804014326779399460599343818684758586311649346576659258296706579258993018385012523339073069364"));
        for (int bits : new int[] {32, 200, 64}) {
            Precision p = Precision.bits(bits);
            Interval c = Gaussian.inverseSqrtTwoPi(p);
            assertTrue(c.contains(ref) && relativelyNarrow(c, bits, 3), c::toString);
            assertTrue(Gaussian.density(Rational.ZERO, p).contains(ref));
        }
    }
}
