package org.loopbound.arith;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.kernel.Endpoints;

/**
 * An exact dyadic number m·2^e (m, e integers), immutable; the endpoint type of {@link Interval}.
 *
 * <p>Normalized so that m is odd, or m = 0 and e = 0; equal values therefore have equal representations. Sums,
 * differences and products are exact; quotients, square roots and conversions from rationals round to a given number
 * of significant bits in an explicit {@link Rounding} direction.
 */
public final class Dyadic implements Comparable<Dyadic> {

    /** 0. */
    public static final Dyadic ZERO = new Dyadic(BigInteger.ZERO, 0);
    /** 1. */
    public static final Dyadic ONE = new Dyadic(BigInteger.ONE, 0);

    private final BigInteger mantissa;
    private final int exponent;

    private Dyadic(BigInteger mantissa, int exponent) {
        this.mantissa = mantissa;
        this.exponent = exponent;
    }

    /*@ public normal_behavior
      @ ensures (* \result == m · 2^e *);
      @*/
    /** The dyadic m·2^e. */
    public static Dyadic of(BigInteger m, int e) {
        if (m.signum() == 0) {
            return ZERO;
        }
        int tz = m.getLowestSetBit();
        return new Dyadic(m.shiftRight(tz), Math.addExact(e, tz));
    }

    /*@ public normal_behavior
      @ ensures (* \result == n *);
      @*/
    /** The integer n. */
    public static Dyadic of(long n) {
        return of(BigInteger.valueOf(n), 0);
    }

    /** The odd mantissa m (0 for zero). */
    public BigInteger mantissa() {
        return mantissa;
    }

    /** The exponent e. */
    public int exponent() {
        return exponent;
    }

    /** The sign: −1, 0 or 1. */
    public int signum() {
        return mantissa.signum();
    }

    /*@ public normal_behavior
      @ ensures (* \result == the number of bits of |m| *);
      @*/
    /** The number of significant bits of the mantissa. */
    public int bitLength() {
        return mantissa.abs().bitLength();
    }

    /** The position of the most significant bit: ⌊log2 |x|⌋ for x ≠ 0 (0 for x = 0). */
    public long magnitude() {
        return mantissa.signum() == 0 ? 0 : (long) exponent + bitLength() - 1;
    }

    /*@ public normal_behavior
      @ ensures (* \result == this + other exactly *);
      @*/
    /** this + other, exactly. */
    public Dyadic add(Dyadic other) {
        int e = Math.min(exponent, other.exponent);
        return of(alignedMantissa(e).add(other.alignedMantissa(e)), e);
    }

    /*@ public normal_behavior
      @ ensures (* \result == this − other exactly *);
      @*/
    /** this − other, exactly. */
    public Dyadic subtract(Dyadic other) {
        return add(other.negate());
    }

    /*@ public normal_behavior
      @ ensures (* \result == this · other exactly *);
      @*/
    /** this · other, exactly. */
    public Dyadic multiply(Dyadic other) {
        return of(mantissa.multiply(other.mantissa), Math.addExact(exponent, other.exponent));
    }

    /*@ public normal_behavior
      @ ensures (* \result == −this *);
      @*/
    /** −this. */
    public Dyadic negate() {
        return new Dyadic(mantissa.negate(), exponent);
    }

    /*@ public normal_behavior
      @ ensures (* \result == |this| *);
      @*/
    /** |this|. */
    public Dyadic abs() {
        return mantissa.signum() < 0 ? negate() : this;
    }

    /*@ public normal_behavior
      @ ensures (* \result == this · 2^k *);
      @*/
    /** this·2^k, exactly. */
    public Dyadic scaleByPowerOfTwo(int k) {
        return mantissa.signum() == 0 ? ZERO : new Dyadic(mantissa, Math.addExact(exponent, k));
    }

    /*@ public normal_behavior
      @ requires e <= exponent();
      @ ensures (* \result · 2^e == this *);
      @*/
    /** The integer M with M·2^e = this, for e ≤ the exponent of this. */
    BigInteger alignedMantissa(int e) {
        return mantissa.shiftLeft(exponent - e);
    }

    /*@ public normal_behavior
      @ ensures \result.bitLength() <= precision.bits();
      @ ensures direction == Rounding.DOWN ==> \result.compareTo(this) <= 0;
      @ ensures direction == Rounding.UP ==> \result.compareTo(this) >= 0;
      @ ensures (* |\result − this| < 2^(magnitude() + 1 − precision.bits()) *);
      @*/
    /**
     * This value rounded to at most {@code precision.bits()} significant bits in the given direction; the rounding
     * shift is the KeY-verified {@link Endpoints#floorShift}/{@link Endpoints#ceilShift}.
     */
    public Dyadic round(Precision precision, Rounding direction) {
        int excess = bitLength() - precision.bits();
        if (excess <= 0) {
            return this;
        }
        return of(shift(mantissa, excess, direction), Math.addExact(exponent, excess));
    }

    private static BigInteger shift(BigInteger m, int k, Rounding direction) {
        return direction == Rounding.DOWN ? Endpoints.floorShift(m, k) : Endpoints.ceilShift(m, k);
    }

    /*@ public normal_behavior
      @ requires divisor.signum() != 0;
      @ ensures \result.bitLength() <= precision.bits();
      @ ensures (* direction == DOWN ==> \result <= this / divisor; direction == UP ==> \result >= this / divisor *);
      @*/
    /** this / divisor rounded to {@code precision.bits()} bits in the given direction. */
    public Dyadic divide(Dyadic divisor, Precision precision, Rounding direction) {
        if (divisor.signum() == 0) {
            throw new ArithmeticException("division by zero");
        }
        return quotient(mantissa, divisor.mantissa, (long) exponent - divisor.exponent, precision, direction);
    }

    /*@ public normal_behavior
      @ ensures \result.bitLength() <= precision.bits();
      @ ensures (* direction == DOWN ==> \result <= q; direction == UP ==> \result >= q *);
      @*/
    /** The rational q rounded to {@code precision.bits()} bits in the given direction (exact if q is dyadic and short). */
    public static Dyadic of(Rational q, Precision precision, Rounding direction) {
        return quotient(q.numerator(), q.denominator(), 0, precision, direction);
    }

    /** (n/d)·2^e rounded; d ≠ 0. */
    private static Dyadic quotient(BigInteger n, BigInteger d, long e, Precision precision, Rounding direction) {
        if (n.signum() == 0) {
            return ZERO;
        }
        if (d.signum() < 0) {
            n = n.negate();
            d = d.negate();
        }
        // Scale the numerator so the integer quotient has at least precision+2 bits, then round that integer
        // quotient once (floor or ceil) and finally to precision bits in the same direction: two roundings in the
        // same direction stay on the same side of the exact value.
        int shift = Math.max(0, precision.bits() + 2 + d.bitLength() - n.abs().bitLength());
        BigInteger scaled = n.shiftLeft(shift);
        BigInteger q = scaled.divide(d);
        BigInteger r = scaled.subtract(q.multiply(d));
        if (r.signum() != 0) {
            // BigInteger division truncates toward zero; correct it to floor or ceiling.
            if (direction == Rounding.DOWN && r.signum() < 0) {
                q = q.subtract(BigInteger.ONE);
            } else if (direction == Rounding.UP && r.signum() > 0) {
                q = q.add(BigInteger.ONE);
            }
        }
        return of(q, Math.toIntExact(e - shift)).round(precision, direction);
    }

    /*@ public normal_behavior
      @ requires signum() >= 0;
      @ ensures \result.bitLength() <= precision.bits();
      @ ensures (* direction == DOWN ==> \result <= sqrt(this); direction == UP ==> \result >= sqrt(this) *);
      @*/
    /**
     * √this rounded to {@code precision.bits()} bits in the given direction. Method: scale to M·2^(2E) with M of at
     * least 2p+2 bits, take the exact integer square root ⌊√M⌋ ({@link BigInteger#sqrt}), add 1 for rounding up
     * unless M is a perfect square, then round to p bits in the same direction.
     */
    public Dyadic sqrt(Precision precision, Rounding direction) {
        if (mantissa.signum() < 0) {
            throw new ArithmeticException("square root of a negative number");
        }
        if (mantissa.signum() == 0) {
            return ZERO;
        }
        int shift = Math.max(0, 2 * precision.bits() + 2 - mantissa.bitLength());
        if (((exponent - shift) & 1) != 0) {
            shift++;
        }
        BigInteger m = mantissa.shiftLeft(shift);
        BigInteger root = m.sqrt();
        if (direction == Rounding.UP && !root.multiply(root).equals(m)) {
            root = root.add(BigInteger.ONE);
        }
        return of(root, (exponent - shift) / 2).round(precision, direction);
    }

    /*@ public normal_behavior
      @ ensures (* \result == this exactly *);
      @*/
    /** The exact value as a rational. */
    public Rational toRational() {
        return exponent >= 0
                ? Rational.of(mantissa.shiftLeft(exponent), BigInteger.ONE)
                : Rational.of(mantissa, BigInteger.ONE.shiftLeft(-exponent));
    }

    /*@ public normal_behavior
      @ ensures (* \result == this exactly *);
      @*/
    /** The exact value as a decimal (every dyadic has a finite decimal expansion). */
    public BigDecimal toBigDecimal() {
        if (exponent >= 0) {
            return new BigDecimal(mantissa.shiftLeft(exponent));
        }
        return new BigDecimal(mantissa.multiply(BigInteger.valueOf(5).pow(-exponent)), -exponent);
    }

    /*@ public normal_behavior
      @ requires significantDigits >= 1;
      @ ensures (* direction == DOWN ==> value(\result) <= this; direction == UP ==> value(\result) >= this *);
      @*/
    /**
     * A decimal string with at most {@code significantDigits} significant digits, rounded in the given direction;
     * plain notation for moderate magnitudes, scientific ({@code 1.5E-30}) otherwise.
     */
    public String toDecimalString(int significantDigits, Rounding direction) {
        BigDecimal d = toBigDecimal().round(new MathContext(significantDigits,
                direction == Rounding.DOWN ? RoundingMode.FLOOR : RoundingMode.CEILING)).stripTrailingZeros();
        int adjusted = d.precision() - d.scale() - 1;
        return Math.abs(adjusted) < 16 ? d.toPlainString() : d.toString();
    }

    /** The nearest double (for plotting only). */
    public double doubleValue() {
        return toBigDecimal().doubleValue();
    }

    @Override
    public int compareTo(Dyadic other) {
        if (signum() != other.signum() || signum() == 0) {
            return Integer.compare(signum(), other.signum());
        }
        // Same non-zero sign: the leading-bit positions decide unless equal, which avoids aligning mantissas
        // across a huge exponent gap.
        int byMagnitude = Long.compare(magnitude(), other.magnitude());
        if (byMagnitude != 0) {
            return signum() > 0 ? byMagnitude : -byMagnitude;
        }
        int e = Math.min(exponent, other.exponent);
        return alignedMantissa(e).compareTo(other.alignedMantissa(e));
    }

    /** The smaller of this and other. */
    public Dyadic min(Dyadic other) {
        return compareTo(other) <= 0 ? this : other;
    }

    /** The larger of this and other. */
    public Dyadic max(Dyadic other) {
        return compareTo(other) >= 0 ? this : other;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Dyadic && ((Dyadic) o).exponent == exponent && ((Dyadic) o).mantissa.equals(mantissa);
    }

    @Override
    public int hashCode() {
        return mantissa.hashCode() * 31 + exponent;
    }

    /** {@code m*2^e}, exact. */
    @Override
    public String toString() {
        return mantissa + "*2^" + exponent;
    }
}
