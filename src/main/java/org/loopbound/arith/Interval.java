package org.loopbound.arith;

import java.math.BigInteger;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.kernel.Endpoints;

/**
 * A closed interval [lo, hi] of reals with exact dyadic endpoints, lo ≤ hi; immutable.
 *
 * <p>The contract of every operation is <em>enclosure</em>: for all points x ∈ this (and y ∈ the other operand),
 * the exact real result f(x, y) lies in the returned interval. Endpoints are rounded outward (lo toward −∞, hi toward
 * +∞) to the requested {@link Precision}; endpoint sums, differences, products and rounding shifts are delegated to
 * the KeY-verified {@link Endpoints}. The width added by rounding a result with largest magnitude |x| to p bits is at
 * most 2^(2−p)·|x| (2^(1−p)·|x| per endpoint).
 */
public final class Interval {

    /** Largest |x| accepted by {@link #exp}: beyond it e^x has an exponent outside the representable range. */
    private static final long EXP_ARGUMENT_LIMIT_BITS = 29;

    //@ public invariant lo.compareTo(hi) <= 0;
    private final Dyadic lo;
    private final Dyadic hi;

    private Interval(Dyadic lo, Dyadic hi) {
        this.lo = lo;
        this.hi = hi;
    }

    /*@ public normal_behavior
      @ requires lo.compareTo(hi) <= 0;
      @ ensures \result.lo().equals(lo) && \result.hi().equals(hi);
      @ also public exceptional_behavior
      @ requires lo.compareTo(hi) > 0;
      @ signals_only IllegalArgumentException;
      @*/
    /** The interval [lo, hi]; lo must not exceed hi. */
    public static Interval of(Dyadic lo, Dyadic hi) {
        if (lo.compareTo(hi) > 0) {
            throw new IllegalArgumentException("interval with lo > hi: [" + lo + ", " + hi + "]");
        }
        return new Interval(lo, hi);
    }

    /*@ public normal_behavior
      @ ensures \result.lo().equals(x) && \result.hi().equals(x);
      @*/
    /** The degenerate interval [x, x]. */
    public static Interval point(Dyadic x) {
        return new Interval(x, x);
    }

    /*@ public normal_behavior
      @ ensures (* \result == [n, n] *);
      @*/
    /** The degenerate interval [n, n]. */
    public static Interval of(long n) {
        return point(Dyadic.of(n));
    }

    /*@ public normal_behavior
      @ ensures \result.contains(q);
      @ ensures \result.lo().bitLength() <= precision.bits() && \result.hi().bitLength() <= precision.bits();
      @*/
    /**
     * The tightest interval with {@code precision.bits()}-bit endpoints that contains q: degenerate when q is a
     * dyadic of at most that many bits, otherwise of relative width at most 2^(1−p).
     */
    public static Interval of(Rational q, Precision precision) {
        return new Interval(Dyadic.of(q, precision, Rounding.DOWN), Dyadic.of(q, precision, Rounding.UP));
    }

    /** The lower endpoint. */
    public Dyadic lo() {
        return lo;
    }

    /** The upper endpoint. */
    public Dyadic hi() {
        return hi;
    }

    /*@ public normal_behavior
      @ ensures \result.signum() >= 0;
      @*/
    /** hi − lo, exactly. */
    public Dyadic width() {
        return hi.subtract(lo);
    }

    /** (lo + hi)/2, exactly. */
    public Dyadic midpoint() {
        return lo.add(hi).scaleByPowerOfTwo(-1);
    }

    /** Whether lo = hi. */
    public boolean isPoint() {
        return lo.equals(hi);
    }

    /*@ public normal_behavior
      @ ensures \result <==> lo <= x && x <= hi;
      @*/
    /** Whether the rational x lies in this interval. */
    public boolean contains(Rational x) {
        return lo.toRational().compareTo(x) <= 0 && x.compareTo(hi.toRational()) <= 0;
    }

    /*@ public normal_behavior
      @ ensures \result <==> lo <= other.lo && other.hi <= hi;
      @*/
    /** Whether other ⊆ this. */
    public boolean contains(Interval other) {
        return lo.compareTo(other.lo) <= 0 && other.hi.compareTo(hi) <= 0;
    }

    /** Whether 0 ∈ this. */
    public boolean containsZero() {
        return lo.signum() <= 0 && hi.signum() >= 0;
    }

    /*@ public normal_behavior
      @ ensures this.contains(\result) && \result.lo().bitLength() <= precision.bits()
      @      && \result.hi().bitLength() <= precision.bits();
      @*/
    /** This interval with its endpoints rounded outward to {@code precision.bits()} bits. */
    public Interval round(Precision precision) {
        return new Interval(lo.round(precision, Rounding.DOWN), hi.round(precision, Rounding.UP));
    }

    /*@ public normal_behavior
      @ ensures (* \forall x ∈ this, y ∈ other: x + y ∈ \result *);
      @*/
    /** this + other, rounded outward to the given precision. */
    public Interval add(Interval other, Precision precision) {
        int eLo = Math.min(lo.exponent(), other.lo.exponent());
        int eHi = Math.min(hi.exponent(), other.hi.exponent());
        Dyadic l = Dyadic.of(Endpoints.sumLo(lo.alignedMantissa(eLo), other.lo.alignedMantissa(eLo)), eLo);
        Dyadic h = Dyadic.of(Endpoints.sumHi(hi.alignedMantissa(eHi), other.hi.alignedMantissa(eHi)), eHi);
        return new Interval(l.round(precision, Rounding.DOWN), h.round(precision, Rounding.UP));
    }

    /*@ public normal_behavior
      @ ensures (* \forall x ∈ this, y ∈ other: x − y ∈ \result *);
      @*/
    /** this − other, rounded outward to the given precision. */
    public Interval subtract(Interval other, Precision precision) {
        int eLo = Math.min(lo.exponent(), other.hi.exponent());
        int eHi = Math.min(hi.exponent(), other.lo.exponent());
        Dyadic l = Dyadic.of(Endpoints.differenceLo(lo.alignedMantissa(eLo), other.hi.alignedMantissa(eLo)), eLo);
        Dyadic h = Dyadic.of(Endpoints.differenceHi(hi.alignedMantissa(eHi), other.lo.alignedMantissa(eHi)), eHi);
        return new Interval(l.round(precision, Rounding.DOWN), h.round(precision, Rounding.UP));
    }

    /*@ public normal_behavior
      @ ensures (* \forall x ∈ this, y ∈ other: x · y ∈ \result *);
      @*/
    /** this · other, rounded outward; the endpoint products are chosen by sign cases in {@link Endpoints}. */
    public Interval multiply(Interval other, Precision precision) {
        int ea = Math.min(lo.exponent(), hi.exponent());
        int eb = Math.min(other.lo.exponent(), other.hi.exponent());
        BigInteger aLo = lo.alignedMantissa(ea);
        BigInteger aHi = hi.alignedMantissa(ea);
        BigInteger bLo = other.lo.alignedMantissa(eb);
        BigInteger bHi = other.hi.alignedMantissa(eb);
        int e = Math.addExact(ea, eb);
        Dyadic l = Dyadic.of(Endpoints.productLo(aLo, aHi, bLo, bHi), e);
        Dyadic h = Dyadic.of(Endpoints.productHi(aLo, aHi, bLo, bHi), e);
        return new Interval(l.round(precision, Rounding.DOWN), h.round(precision, Rounding.UP));
    }

    /*@ public normal_behavior
      @ requires k >= 1;
      @ ensures (* \forall x ∈ this: x / k ∈ \result *);
      @ also public exceptional_behavior
      @ requires k < 1;
      @ signals_only IllegalArgumentException;
      @*/
    /**
     * this / k for a whole k ≥ 1, rounded outward. x/k is increasing in x, so the two endpoint quotients, each rounded
     * in its own direction, suffice (where {@link #divide(Interval, Precision)} tries four corners): the series of
     * the elementary functions divide every term by an integer.
     */
    public Interval divide(long k, Precision precision) {
        if (k < 1) {
            throw new IllegalArgumentException("the divisor must be a whole number >= 1, got " + k);
        }
        Dyadic d = Dyadic.of(k);
        return new Interval(lo.divide(d, precision, Rounding.DOWN), hi.divide(d, precision, Rounding.UP));
    }

    /*@ public normal_behavior
      @ requires !other.containsZero();
      @ ensures (* \forall x ∈ this, y ∈ other: x / y ∈ \result *);
      @ also public exceptional_behavior
      @ requires other.containsZero();
      @ signals_only ArithmeticException;
      @*/
    /**
     * this / other, rounded outward; other must not contain 0. With 0 ∉ other, x/y is monotone in each argument
     * on the box, so its extremes are among the four corner quotients, each rounded in its own direction.
     */
    public Interval divide(Interval other, Precision precision) {
        if (other.containsZero()) {
            throw new ArithmeticException("division by an interval that contains 0: " + other);
        }
        // The signs tell which corner is extreme, so two divisions suffice instead of eight (rounding is monotone,
        // so this is the same interval as the min and max of all rounded corners). With 0 ∉ other, x/y is
        // increasing in x for y > 0 and decreasing for y < 0, and in y (derivative −x/y²) decreasing for x ≥ 0 and
        // increasing for x < 0: the minimum pairs the smallest quotient's x with y's upper end when that x ≥ 0.
        boolean positive = other.lo.signum() > 0;
        Dyadic minX = positive ? lo : hi;
        Dyadic maxX = positive ? hi : lo;
        Dyadic minY = minX.signum() >= 0 ? other.hi : other.lo;
        Dyadic maxY = maxX.signum() >= 0 ? other.lo : other.hi;
        return new Interval(minX.divide(minY, precision, Rounding.DOWN), maxX.divide(maxY, precision, Rounding.UP));
    }

    /*@ public normal_behavior
      @ ensures (* \result == [−hi, −lo] *);
      @*/
    /** −this, exactly. */
    public Interval negate() {
        return new Interval(hi.negate(), lo.negate());
    }

    /*@ public normal_behavior
      @ ensures (* \forall x ∈ this: |x| ∈ \result, and \result is the exact range of |x| *);
      @*/
    /** {|x| : x ∈ this}, exactly. */
    public Interval abs() {
        if (lo.signum() >= 0) {
            return this;
        }
        if (hi.signum() <= 0) {
            return negate();
        }
        return new Interval(Dyadic.ZERO, lo.negate().max(hi));
    }

    /*@ public normal_behavior
      @ ensures (* \result == {min(x, y) : x ∈ this, y ∈ other} *);
      @*/
    /** The exact range of min(x, y). */
    public Interval min(Interval other) {
        return new Interval(lo.min(other.lo), hi.min(other.hi));
    }

    /*@ public normal_behavior
      @ ensures (* \result == {max(x, y) : x ∈ this, y ∈ other} *);
      @*/
    /** The exact range of max(x, y). */
    public Interval max(Interval other) {
        return new Interval(lo.max(other.lo), hi.max(other.hi));
    }

    /*@ public normal_behavior
      @ ensures \result.contains(this) && \result.contains(other);
      @*/
    /** The smallest interval containing both (convex hull). */
    public Interval hull(Interval other) {
        return new Interval(lo.min(other.lo), hi.max(other.hi));
    }

    /*@ public normal_behavior
      @ requires n >= 0 || !containsZero();
      @ ensures (* \forall x ∈ this: x^n ∈ \result (x^0 == 1) *);
      @*/
    /**
     * this^n for an integer n, rounded outward. Method: binary exponentiation of |x| on non-negative intervals
     * (where the product is monotone, so the result is tight up to rounding) at p + ⌈log2 |n|⌉ + 8 working bits,
     * the sign restored by the parity of n; for n &lt; 0, 1/x^|n| (0 ∉ this required).
     */
    public Interval pow(int n, Precision precision) {
        if (n < 0) {
            if (containsZero()) {
                throw new ArithmeticException("negative power of an interval that contains 0: " + this);
            }
            return of(1).divide(pow(-n, precision.plus(2)), precision);
        }
        Precision working = precision.plus(34 - Integer.numberOfLeadingZeros(n) + 8);
        Interval result;
        if (lo.signum() >= 0) {
            result = powNonNegative(this, n, working);
        } else if (hi.signum() <= 0) {
            Interval p = powNonNegative(negate(), n, working);
            result = (n & 1) == 0 ? p : p.negate();
        } else if ((n & 1) == 0) {
            result = powNonNegative(abs(), n, working);
        } else {
            result = powNonNegative(point(lo.negate()), n, working).negate()
                    .hull(powNonNegative(point(hi), n, working));
        }
        return result.round(precision);
    }

    private static Interval powNonNegative(Interval x, int n, Precision working) {
        Interval result = of(1);
        Interval base = x;
        int k = n;
        while (k > 0) {
            if ((k & 1) != 0) {
                result = result.multiply(base, working);
            }
            k >>>= 1;
            if (k > 0) {
                base = base.multiply(base, working);
            }
        }
        return result;
    }

    /*@ public normal_behavior
      @ requires lo().signum() >= 0;
      @ ensures (* \forall x ∈ this: √x ∈ \result *);
      @*/
    /** √this, rounded outward; requires lo ≥ 0. Each endpoint via {@link Dyadic#sqrt} (exact integer root). */
    public Interval sqrt(Precision precision) {
        if (lo.signum() < 0) {
            throw new ArithmeticException("square root of an interval with negative numbers: " + this);
        }
        return new Interval(lo.sqrt(precision, Rounding.DOWN), hi.sqrt(precision, Rounding.UP));
    }

    /*@ public normal_behavior
      @ requires hi().magnitude() < 29 && lo().magnitude() < 29;
      @ ensures (* \forall x ∈ this: e^x ∈ \result *);
      @*/
    /**
     * e^this, rounded outward; exp is increasing, so [e^lo, e^hi] from point enclosures of each endpoint.
     *
     * <p>Method for a point x: argument reduction r = x/2^s with s chosen so |r| ≤ 1/2; the Taylor sum
     * Σ_{k≤n} r^k/k! in interval arithmetic, stopped when the last term t_n is below 2^−(w+2), plus the remainder
     * [−|t_n|, |t_n|] (for |r| ≤ 1/2 the tail Σ_{k&gt;n} |r|^k/k! ≤ 2|t_{n+1}| ≤ |t_n|); then s interval squarings,
     * with w = p + s + 24 working bits. Arguments with |x| ≥ 2^29 are refused: the result would not be
     * representable.
     */
    public Interval exp(Precision precision) {
        Interval atLo = Elementary.exp(lo, precision);
        return lo.equals(hi) ? atLo : new Interval(atLo.lo, Elementary.exp(hi, precision).hi);
    }

    /** e^x for a point x, by the method of {@link #exp}, for callers that widen a single evaluation themselves. */
    static Interval expPoint(Dyadic x, Precision precision) {
        return Elementary.exp(x, precision);
    }

    /*@ public normal_behavior
      @ requires lo().signum() > 0;
      @ ensures (* \forall x ∈ this: ln x ∈ \result *);
      @*/
    /**
     * ln this, rounded outward; requires lo &gt; 0. ln is increasing, so [ln lo, ln hi] from point enclosures.
     *
     * <p>Method for a point x: x = y·2^k with y ∈ [1/√2, √2) (exact); ln y = 2·atanh(z), z = (y−1)/(y+1),
     * |z| ≤ 0.1716, by Σ_{j≤n} z^(2j+1)/(2j+1) plus the remainder bound |z|^(2n+3)/((2n+3)(1−z²)) ≤ |z|^(2n+1);
     * ln 2 = 2·atanh(1/3) by the same series (|z| = 1/3). Working precision p + bitlength(k) + 24.
     */
    public Interval ln(Precision precision) {
        if (lo.signum() <= 0) {
            throw new ArithmeticException("logarithm of an interval with non-positive numbers: " + this);
        }
        return new Interval(Elementary.ln(lo, precision).lo, Elementary.ln(hi, precision).hi);
    }

    /*@ public normal_behavior
      @ requires lo().signum() > 0;
      @ ensures (* \forall x ∈ this, y ∈ exponent: x^y ∈ \result *);
      @*/
    /**
     * this^exponent for real exponents, requires lo &gt; 0: e^(y·ln x) in interval arithmetic at p + 24 + the
     * bit size of |y·ln x| working bits. Integer exponents should use {@link #pow(int, Precision)}, which also
     * allows x ≤ 0.
     */
    public Interval pow(Interval exponent, Precision precision) {
        if (lo.signum() <= 0) {
            throw new ArithmeticException("real power of an interval with non-positive numbers: " + this);
        }
        Interval lnx = ln(precision.plus(24));
        long size = Math.max(lnx.lo.magnitude(), lnx.hi.magnitude()) + 1
                + Math.max(exponent.lo.magnitude(), exponent.hi.magnitude()) + 1;
        Precision working = precision.plus((int) Math.max(0, Math.min(1 << 16, size)) + 24);
        return exponent.multiply(ln(working), working).exp(working).round(precision);
    }

    /*@ public normal_behavior
      @ ensures (* π ∈ \result *);
      @*/
    /**
     * π, enclosed by Machin's formula π = 16·atan(1/5) − 4·atan(1/239), each atan by its alternating series
     * Σ (−1)^j x^(2j+1)/(2j+1) stopped when the last term t_n is below 2^−(w+4), with remainder [−|t_n|, |t_n|]
     * (the terms decrease, so the tail is at most the first omitted term, itself below |t_n|); w = p + 24.
     */
    public static Interval pi(Precision precision) {
        Precision w = precision.plus(24);
        Interval a5 = Elementary.atanSeries(Interval.of(Rational.of(1, 5), w), w);
        Interval a239 = Elementary.atanSeries(Interval.of(Rational.of(1, 239), w), w);
        return a5.multiply(of(16), w).subtract(a239.multiply(of(4), w), w).round(precision);
    }

    /*@ public normal_behavior
      @ ensures \result == Trilean.TRUE <==> hi < other.lo;
      @ ensures \result == Trilean.FALSE <==> lo >= other.hi;
      @*/
    /** Whether x &lt; y for all / no / some points x ∈ this, y ∈ other. */
    public Trilean lessThan(Interval other) {
        if (hi.compareTo(other.lo) < 0) {
            return Trilean.TRUE;
        }
        if (lo.compareTo(other.hi) >= 0) {
            return Trilean.FALSE;
        }
        return Trilean.UNKNOWN;
    }

    /*@ public normal_behavior
      @ ensures \result == Trilean.TRUE <==> hi <= other.lo;
      @ ensures \result == Trilean.FALSE <==> lo > other.hi;
      @*/
    /** Whether x ≤ y for all / no / some points x ∈ this, y ∈ other. */
    public Trilean lessOrEqual(Interval other) {
        if (hi.compareTo(other.lo) <= 0) {
            return Trilean.TRUE;
        }
        if (lo.compareTo(other.hi) > 0) {
            return Trilean.FALSE;
        }
        return Trilean.UNKNOWN;
    }

    /*@ public normal_behavior
      @ ensures \result == Trilean.TRUE <==> lo() > 0;
      @ ensures \result == Trilean.FALSE <==> hi() <= 0;
      @*/
    /** Whether x &gt; 0 for all / no / some x ∈ this. */
    public Trilean isPositive() {
        return of(0).lessThan(this);
    }

    /*@ public normal_behavior
      @ requires significantDigits >= 1;
      @ ensures (* the printed interval contains this *);
      @*/
    /** {@code [lo, hi]} as decimals with at most {@code significantDigits} digits, rounded outward. */
    public String format(int significantDigits) {
        return "[" + lo.toDecimalString(significantDigits, Rounding.DOWN) + ", "
                + hi.toDecimalString(significantDigits, Rounding.UP) + "]";
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Interval && ((Interval) o).lo.equals(lo) && ((Interval) o).hi.equals(hi);
    }

    @Override
    public int hashCode() {
        return lo.hashCode() * 31 + hi.hashCode();
    }

    /** {@code [lo, hi]} with 20 significant digits, rounded outward. */
    @Override
    public String toString() {
        return format(20);
    }

    /** Point enclosures of exp and ln; see {@link #exp} and {@link #ln} for the method and remainder bounds. */
    private static final class Elementary {

        private Elementary() {
        }

        static Interval exp(Dyadic x, Precision precision) {
            if (x.signum() == 0) {
                return of(1);
            }
            if (x.magnitude() >= EXP_ARGUMENT_LIMIT_BITS) {
                throw new ArithmeticException("exp argument too large in magnitude: |x| ≥ 2^"
                        + EXP_ARGUMENT_LIMIT_BITS);
            }
            // |x| < 2^(mag+1), so |x/2^s| < 2^(mag+1−s) ≤ 1/2 with s = mag + 2.
            int s = (int) Math.max(0, x.magnitude() + 2);
            Precision w = precision.plus(s + 24);
            Interval r = point(x.scaleByPowerOfTwo(-s));
            Dyadic threshold = Dyadic.ONE.scaleByPowerOfTwo(-(w.bits() + 2));
            Interval sum = of(1);
            Interval term = of(1);
            for (int k = 1; ; k++) {
                term = term.multiply(r, w).divide(k, w);
                sum = sum.add(term, w);
                Dyadic bound = term.abs().hi;
                if (bound.compareTo(threshold) < 0) {
                    sum = sum.add(new Interval(bound.negate(), bound), w);
                    break;
                }
            }
            for (int i = 0; i < s; i++) {
                sum = sum.multiply(sum, w);
            }
            return sum.round(precision);
        }

        static Interval ln(Dyadic x, Precision precision) {
            // x = y·2^k with y ∈ [1/2, 1), then moved into [1/√2, √2) by the exact test 2y² < 1.
            long k = x.magnitude() + 1;
            Dyadic y = x.scaleByPowerOfTwo((int) -k);
            if (y.multiply(y).scaleByPowerOfTwo(1).compareTo(Dyadic.ONE) < 0) {
                y = y.scaleByPowerOfTwo(1);
                k--;
            }
            Precision w = precision.plus(24 + 64 - Long.numberOfLeadingZeros(Math.abs(k)));
            Rational yq = y.toRational();
            Interval z = Interval.of(yq.subtract(Rational.ONE).divide(yq.add(Rational.ONE)), w);
            Interval result = atanhSeries(z, w).multiply(of(2), w);
            if (k != 0) {
                Interval ln2 = atanhSeries(Interval.of(Rational.of(1, 3), w), w).multiply(of(2), w);
                result = result.add(ln2.multiply(of(k), w), w);
            }
            return result.round(precision);
        }

        /** atan(x) = Σ (−1)^j x^(2j+1)/(2j+1) for 0 ≤ x ≤ 1/5, with the remainder bound of {@link Interval#pi}. */
        static Interval atanSeries(Interval x, Precision w) {
            Interval x2 = x.pow(2, w);
            Dyadic threshold = Dyadic.ONE.scaleByPowerOfTwo(-(w.bits() + 4));
            Interval power = x;
            Interval sum = x;
            for (int j = 1; ; j++) {
                power = power.multiply(x2, w).negate();
                sum = sum.add(power.divide(of(2L * j + 1), w), w);
                Dyadic bound = power.abs().hi;
                if (bound.compareTo(threshold) < 0) {
                    return sum.add(new Interval(bound.negate(), bound), w);
                }
            }
        }

        /** atanh(z) = Σ z^(2j+1)/(2j+1) for |z| ≤ 1/3, with the remainder bound of {@link Interval#ln}. */
        private static Interval atanhSeries(Interval z, Precision w) {
            if (z.isPoint() && z.lo.signum() == 0) {
                return of(0);
            }
            Interval z2 = z.pow(2, w);
            Dyadic threshold = Dyadic.ONE.scaleByPowerOfTwo(-(w.bits() + 4));
            Interval power = z;
            Interval sum = z;
            for (int j = 1; ; j++) {
                power = power.multiply(z2, w);
                sum = sum.add(power.divide(of(2L * j + 1), w), w);
                // Tail after this term: Σ_{i>j} |z|^(2i+1)/(2i+1) ≤ |z|^(2j+3)/(1 − z²) ≤ |z|^(2j+1)·(1/9)/(8/9).
                Dyadic bound = power.abs().hi;
                if (bound.compareTo(threshold) < 0) {
                    return sum.add(new Interval(bound.negate(), bound), w);
                }
            }
        }
    }
}
