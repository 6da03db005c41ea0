package org.loopbound.arith;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Certified enclosures of the standard normal density φ(x) = e^(−x²/2)/√(2π) and distribution function
 * Φ(x) = ∫_{−∞}^x φ(s) ds, with relative accuracy: every result is rounded outward to the requested precision p,
 * and for points with x²/2 &lt; 2^16 (|x| &lt; 362) its relative width is a small multiple of 2^−p, in the far
 * tails as well (Φ(−40) ≈ 3.7·10^−350 is enclosed to p bits, not merely by [0, 2^−p]).
 *
 * <p>Everything reduces to two functions of t ≥ 0: the upper tail Q(t) = 1 − Φ(t) = Φ(−t) and the offset
 * Φ(t) − ½ = ½·erf(t/√2). The method is chosen by the size of t² against the working precision w:
 * <ul>
 *   <li><b>Series</b> (t² &lt; 2w + 64): Φ(t) − ½ = φ(t)·S(t), S(t) = Σ_{n≥0} t^(2n+1)/(1·3·5⋯(2n+1))
 *   (DLMF 7.6.2 in the variable t/√2). All terms are positive, so the sum itself does not cancel. Consecutive terms
 *   have ratio t²/(2n+3); the sum is stopped at a term a_n with n ≥ t² (so every later ratio is ≤ ½ and the rest is
 *   at most a_n) and a_n &lt; 2^−(w+4)·t ≤ 2^−(w+4)·S(t), and [0, a_n] is added as the remainder.
 *   Q(t) = ½ − φ(t)·S(t) cancels by log2(½/Q(t)) ≤ 0.7214·t² + log2(t + 1) + 2 bits (from Gordon's inequality
 *   Q(t) ≥ φ(t)·t/(t²+1)), so Q is computed with ⌈¾·t²⌉ + bitlength(t) + 8 extra guard bits.</li>
 *   <li><b>Asymptotic</b> (t² ≥ 2w + 64): repeated integration by parts with φ'(s) = −s·φ(s) gives, for every M,
 *   Q(t) = (φ(t)/t)·Σ_{m&lt;M} (−1)^m (2m−1)!!/t^(2m) + (−1)^M (2M−1)!!·∫_t^∞ φ(s) s^(−2M) ds, and
 *   0 &lt; ∫_t^∞ φ(s) s^(−2M) ds ≤ t^(−2M−1)·∫_t^∞ s·φ(s) ds = φ(t)/t^(2M+1). So the remainder is at most the first
 *   omitted term b_M = (2M−1)!!/t^(2M) times φ(t)/t, and [−b_M, b_M] is added (M = 1 is the classical
 *   0 &lt; Q(t) ≤ φ(t)/t). Terms decrease while 2m+1 &lt; t²; the smallest is about √2·e^(−t²/2) ≤ 2^−(1.44w + 46),
 *   so b_M &lt; 2^−(w+2) is reached. In this range the offset is [½ − 2^−(w+40), ½], since
 *   Q(t) ≤ φ(t)/t &lt; e^(−(w+32)) &lt; 2^−(w+40).</li>
 * </ul>
 * φ itself is {@link #exp} of −x²/2 (exact, since x is dyadic) times 1/√(2π), with π from
 * {@link Interval#pi}. Where x²/2 ≥ 2^16, φ(x) and Q(|x|) are below e^−65536 &lt; 2^−65536 and the enclosure
 * [0, 2^−65536] is returned instead (absolute, no longer relative accuracy). Interval arguments use monotonicity:
 * Φ is increasing; φ is even and decreasing in |x|.
 */
public final class Gaussian {

    /** Extra bits carried through every internal computation beyond the requested precision. */
    private static final int GUARD = 16;
    /**
     * From x²/2 ≥ 2^16 on, φ(x) and Q(|x|) are replaced by the enclosure [0, 2^−65536]: such values (below
     * e^−65536 ≈ 2^−94548) would have exponents that neither {@link Interval#exp} nor a decimal printout handles
     * well, and they are far below any precision this project asks for.
     */
    private static final int HUGE_HALF_SQUARE_BITS = 16;
    /** 2^−65536 ≥ e^−65536 ≥ e^(−x²/2) once x²/2 ≥ 2^16. */
    private static final Dyadic FAR_TAIL = Dyadic.ONE.scaleByPowerOfTwo(-(1 << HUGE_HALF_SQUARE_BITS));
    private static final Interval HALF = Interval.point(Dyadic.ONE.scaleByPowerOfTwo(-1));

    /** The last enclosure of 1/√(2π), reused when it was computed with at least the precision asked for. */
    private static volatile @Nullable Cached invSqrtTwoPi;

    private record Cached(int bits, Interval value) {
    }

    private Gaussian() {
    }

    /*@ public normal_behavior
      @ ensures (* \forall x' ∈ x: φ(x') = e^(−x'²/2)/√(2π) ∈ \result *);
      @ ensures \result.lo().signum() >= 0;
      @*/
    /**
     * φ(x) = e^(−x²/2)/√(2π) for all points of x: [φ(max|x|), φ(min|x|)], each endpoint enclosed with relative
     * width about 2^−p while max |x| &lt; 362 (the far-tail enclosure [0, 2^−65536] beyond).
     */
    public static Interval density(Interval x, Precision precision) {
        Interval a = x.abs();
        Precision w = precision.plus(GUARD);
        Interval atMax = densityPoint(a.hi(), w);
        Interval atMin = a.isPoint() ? atMax : densityPoint(a.lo(), w);
        return Interval.of(atMax.lo(), atMin.hi()).round(precision);
    }

    /*@ public normal_behavior
      @ ensures \result.contains((* φ(x) *));
      @*/
    /** φ(x) for a rational x (enclosed to p bits first, then as {@link #density(Interval, Precision)}). */
    public static Interval density(Rational x, Precision precision) {
        return density(Interval.of(x, precision.plus(GUARD)), precision);
    }

    /*@ public normal_behavior
      @ ensures (* \forall x' ∈ x: Φ(x') ∈ \result *);
      @ ensures \result.lo().signum() >= 0 && \result.hi().compareTo(Dyadic.ONE) <= 0;
      @*/
    /**
     * Φ(x) for all points of x: Φ is increasing, so [Φ(lo), Φ(hi)], each endpoint with relative width about 2^−p
     * (for negative x this is relative to the small value Φ(x) = Q(|x|), see the class comment).
     */
    public static Interval cdf(Interval x, Precision precision) {
        Precision w = precision.plus(GUARD);
        Interval lo = cdfPoint(x.lo(), w);
        Interval hi = x.isPoint() ? lo : cdfPoint(x.hi(), w);
        return withinUnit(lo.lo(), hi.hi()).round(precision);
    }

    /*@ public normal_behavior
      @ ensures \result.contains((* Φ(x) *));
      @*/
    /** Φ(x) for a rational x (enclosed to p + 16 bits first, then as {@link #cdf(Interval, Precision)}). */
    public static Interval cdf(Rational x, Precision precision) {
        return cdf(Interval.of(x, precision.plus(GUARD)), precision);
    }

    /*@ public normal_behavior
      @ requires c.lo().signum() >= 0;
      @ ensures (* \forall c' ∈ c: P(|Z| ≤ c') = 2Φ(c') − 1 = erf(c'/√2) ∈ \result *);
      @ also public exceptional_behavior
      @ requires c.lo().signum() < 0;
      @ signals_only IllegalArgumentException;
      @*/
    /**
     * P(|Z| ≤ c) = 2Φ(c) − 1 for standard normal Z and every point of c ≥ 0, with relative width about 2^−p also
     * for small c (computed as 2φ(c)·S(c), not as the difference 2Φ(c) − 1).
     */
    public static Interval centralMass(Interval c, Precision precision) {
        if (c.lo().signum() < 0) {
            throw new IllegalArgumentException("central mass P(|Z| ≤ c) needs c ≥ 0, got " + c);
        }
        Precision w = precision.plus(GUARD);
        Interval lo = offsetPoint(c.lo(), w).multiply(Interval.of(2), w);
        Interval hi = c.isPoint() ? lo : offsetPoint(c.hi(), w).multiply(Interval.of(2), w);
        return withinUnit(lo.lo(), hi.hi()).round(precision);
    }

    /*@ public normal_behavior
      @ ensures (* 1/√(2π) ∈ \result *);
      @*/
    /** 1/√(2π), the normalizing constant of φ, from {@link Interval#pi}. */
    public static Interval inverseSqrtTwoPi(Precision precision) {
        Cached c = invSqrtTwoPi;
        if (c == null || c.bits() < precision.bits()) {
            Precision w = precision.plus(GUARD);
            Interval v = Interval.of(1).divide(Interval.pi(w).multiply(Interval.of(2), w).sqrt(w), w);
            c = new Cached(precision.bits(), v.round(precision));
            invSqrtTwoPi = c;
        }
        return c.value().round(precision);
    }

    /*@ public normal_behavior
      @ requires x.lo().magnitude() < 29 && x.hi().magnitude() < 29;
      @ ensures (* \forall x' ∈ x: e^x' ∈ \result *);
      @*/
    /**
     * e^x for all points of an interval x (|x| &lt; 2^29), cheaper than {@link Interval#exp} for the narrow intervals
     * that enclose a single real, which this class and the KDE bounds evaluate many times. Method: one point
     * evaluation at lo, widened by e^(hi−lo) ≤ 1 + 2(hi − lo) (valid for 0 ≤ hi − lo ≤ 1; wider intervals go to
     * {@link Interval#exp}). The point evaluation is {@link Interval#exp}'s.
     */
    public static Interval exp(Interval x, Precision precision) {
        Dyadic width = x.width();
        if (width.compareTo(Dyadic.ONE) > 0) {
            return x.exp(precision);
        }
        Precision w = precision.plus(8);
        Interval atLo = Interval.expPoint(x.lo(), w);
        if (width.signum() == 0) {
            return atLo.round(precision);
        }
        Interval growth = Interval.of(Dyadic.ONE, Dyadic.ONE.add(width.scaleByPowerOfTwo(1)));
        return Interval.of(atLo.lo(), atLo.multiply(growth, w).hi()).round(precision);
    }

    /**
     * [lo, hi] ∩ [0, 1] for an enclosure of a probability: near 1 the rounding of ½ + (Φ − ½) can pass 1, and the
     * intersection of two sets that contain the value still contains it.
     */
    private static Interval withinUnit(Dyadic lo, Dyadic hi) {
        return Interval.of(lo.max(Dyadic.ZERO), hi.min(Dyadic.ONE));
    }

    /** Whether x²/2 ≥ 2^16, where φ(x) and Q(|x|) are only enclosed by [0, 2^−65536]. */
    private static boolean farTail(Dyadic xSquared) {
        return xSquared.scaleByPowerOfTwo(-1).magnitude() >= HUGE_HALF_SQUARE_BITS;
    }

    /** φ(x) for a point x. */
    private static Interval densityPoint(Dyadic x, Precision w) {
        Dyadic square = x.multiply(x);
        if (farTail(square)) {
            return Interval.of(Dyadic.ZERO, FAR_TAIL);
        }
        return Interval.expPoint(square.scaleByPowerOfTwo(-1).negate(), w).multiply(inverseSqrtTwoPi(w), w);
    }

    /** Φ(x) for a point x. */
    private static Interval cdfPoint(Dyadic x, Precision w) {
        if (x.signum() >= 0) {
            return HALF.add(offsetPoint(x, w), w);
        }
        return tailPoint(x.negate(), w);
    }

    /** Whether t² (t ≥ 0) is in the range of the asymptotic expansion at working precision w. */
    private static boolean asymptoticRange(Dyadic tSquared, Precision w) {
        return tSquared.compareTo(Dyadic.of(2L * w.bits() + 64)) >= 0;
    }

    /** Φ(t) − ½ for a point t ≥ 0, to relative precision w. */
    private static Interval offsetPoint(Dyadic t, Precision w) {
        if (t.signum() == 0) {
            return Interval.of(0);
        }
        Dyadic t2 = t.multiply(t);
        if (farTail(t2)) {
            return Interval.of(HALF.hi().subtract(FAR_TAIL), HALF.hi());
        }
        if (asymptoticRange(t2, w)) {
            // Φ(t) − ½ = ½ − Q(t) and 0 < Q(t) ≤ φ(t)/t < e^(−t²/2) ≤ e^(−(w+32)) < 2^−(w+40): already of relative
            // width below 2^−w without evaluating Q (whose tiny exponent would only make the subtraction costly).
            return Interval.of(HALF.hi().subtract(Dyadic.ONE.scaleByPowerOfTwo(-(w.bits() + 40))), HALF.hi());
        }
        return densityPoint(t, w).multiply(positiveSeries(t, t2, w), w);
    }

    /** Q(t) = 1 − Φ(t) for a point t ≥ 0, to relative precision w. */
    private static Interval tailPoint(Dyadic t, Precision w) {
        if (t.signum() == 0) {
            return HALF;
        }
        Dyadic t2 = t.multiply(t);
        if (farTail(t2)) {
            return Interval.of(Dyadic.ZERO, FAR_TAIL);
        }
        if (asymptoticRange(t2, w)) {
            return densityPoint(t, w).multiply(asymptoticSum(t2, w), w).divide(Interval.point(t), w);
        }
        // ½ − φ(t)·S(t) cancels by at most 0.7214·t² + log2(t + 1) + 2 bits (class comment); t² < 2w + 64 here.
        long cancellation = (long) Math.ceil(0.75 * t2.doubleValue()) + Math.max(0, t.magnitude() + 1) + 8;
        Precision g = w.plus((int) Math.min(Integer.MAX_VALUE, cancellation));
        return HALF.subtract(densityPoint(t, g).multiply(positiveSeries(t, t2, g), g), g).round(w);
    }

    /** S(t) = Σ_{n≥0} t^(2n+1)/(2n+1)!! for t &gt; 0, with the remainder bound of the class comment. */
    private static Interval positiveSeries(Dyadic t, Dyadic t2, Precision w) {
        Interval x2 = Interval.point(t2);
        Dyadic threshold = t.scaleByPowerOfTwo(-(w.bits() + 4));
        Interval term = Interval.point(t);
        Interval sum = term;
        for (long n = 0; ; n++) {
            term = term.multiply(x2, w).divide(2L * n + 3, w);
            sum = sum.add(term, w);
            Dyadic bound = term.hi();
            // Past n + 1 ≥ t² every later ratio t²/(2k+3) is ≤ ½, so the rest after this term is at most the term.
            if (Dyadic.of(n + 1).compareTo(t2) >= 0 && bound.compareTo(threshold) < 0) {
                return sum.add(Interval.of(Dyadic.ZERO, bound), w);
            }
        }
    }

    /**
     * Σ_{m&lt;M} (−1)^m (2m−1)!!/t^(2m) plus [−b_M, b_M] for t² ≥ 2w + 64 (class comment), M the first index with
     * b_M &lt; 2^−(w+2) or with non-decreasing terms.
     */
    private static Interval asymptoticSum(Dyadic t2, Precision w) {
        Interval inverse = Interval.of(1).divide(Interval.point(t2), w);
        Dyadic threshold = Dyadic.ONE.scaleByPowerOfTwo(-(w.bits() + 2));
        Interval term = Interval.of(1);
        Interval sum = term;
        for (long m = 0; ; m++) {
            // b_{m+1} = b_m·(2m+1)/t².
            term = term.multiply(Interval.of(2 * m + 1), w).multiply(inverse, w);
            Dyadic bound = term.hi();
            if (bound.compareTo(threshold) < 0 || Dyadic.of(2 * m + 3).compareTo(t2) >= 0) {
                return sum.add(Interval.of(bound.negate(), bound), w);
            }
            sum = (m % 2 == 0) ? sum.subtract(term, w) : sum.add(term, w);
        }
    }
}
