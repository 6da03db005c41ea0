package org.loopbound.exact;

import java.math.BigInteger;
import org.loopbound.arith.Dyadic;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.arith.Rounding;

/**
 * Double-word arithmetic on non-negative numbers: a value is h + l with doubles h = fl(h + l) (so |l| ≤ u·h,
 * u = 2^−53). One instance is a register: each operation returns the high part and leaves the low part in
 * {@link #lo}, so hot loops allocate nothing.
 *
 * <p>Error bound (why the certified chain can charge a fixed relative error per operation). Java's double
 * arithmetic is IEEE 754 binary64 with rounding to nearest and {@link Math#fma} is correctly rounded, so TwoSum and
 * the fma remainder of a product are exact, and with no underflow every other rounding has relative error ≤ u. For
 * non-negative operands x = xh + xl, y = yh + yl:
 * <ul>
 *   <li>{@link #multiply}: xh·yh = ph + pe exactly; xl·yh, xh·yl + that, and + pe are each rounded once, with
 *       errors ≤ u²·xh·yh, ≤ 2.01u²·xh·yh and ≤ 3.02u²·xh·yh; the dropped xl·yl is ≤ u²·xh·yh; the final
 *       FastTwoSum is exact (|ph| ≥ |t|). Total ≤ 7.1u²·xh·yh ≤ 7.2u²·x·y.</li>
 *   <li>{@link #add}: TwoSum(xh, yh) is exact; xl + yl and its sum with the TwoSum error are each rounded once,
 *       errors ≤ u²(xh + yh) and ≤ 2.01u²(xh + yh); total ≤ 3.1u²·(x + y).</li>
 *   <li>{@link #quotient} of integers below 2^53: h = fl(a/b), a − h·b exact by fma, its quotient by b rounded
 *       once: error ≤ u²·a/b.</li>
 *   <li>{@link #of(Rational)}: the rational rounded down to 106 bits and split exactly: error ≤ 2^−105.</li>
 * </ul>
 * So every operation has relative error at most 8u² = 2^−103 &lt; {@link #EPSILON} while no result or
 * intermediate underflows; the certified chain keeps every value above 2^−320 to ensure that (products of low
 * parts that underflow add an absolute error below 2^−1074, far inside the margin between 2^−103 and 2^−99).
 */
final class DoubleWord {

    /** The relative error charged per operation, 2^−99 (sixteen times the bound 2^−103 derived above). */
    static final int EPSILON_BITS = 99;

    private static final Precision WORD = Precision.bits(106);

    /** The low part of the last result. */
    double lo;

    /** (ah + al)·(bh + bl); returns the high part. */
    double multiply(double ah, double al, double bh, double bl) {
        double ph = ah * bh;
        double pe = Math.fma(ah, bh, -ph);
        double t = Math.fma(ah, bl, al * bh) + pe;
        double h = ph + t;
        lo = t - (h - ph);
        return h;
    }

    /** (ah + al) + (bh + bl) for non-negative values; returns the high part. */
    double add(double ah, double al, double bh, double bl) {
        double s = ah + bh;
        double bb = s - ah;
        double e = (ah - (s - bb)) + (bh - bb);
        double t = e + (al + bl);
        double h = s + t;
        lo = t - (h - s);
        return h;
    }

    /** a/b for integers 0 ≤ a and 1 ≤ b below 2^53; returns the high part. */
    double quotient(long a, long b) {
        double ad = a;
        double bd = b;
        double h = ad / bd;
        double l = Math.fma(-h, bd, ad) / bd;
        double s = h + l;
        lo = l - (s - h);
        return s;
    }

    /** A non-negative rational rounded down to 106 bits (≥ 2^−900 unless 0); returns the high part. */
    double of(Rational q) {
        if (q.signum() == 0) {
            lo = 0;
            return 0;
        }
        Dyadic d = Dyadic.of(q, WORD, Rounding.DOWN);
        BigInteger m = d.mantissa();
        int shift = Math.max(0, m.bitLength() - 53);
        BigInteger top = m.shiftRight(shift);
        BigInteger rest = m.subtract(top.shiftLeft(shift));
        double h = Math.scalb((double) top.longValueExact(), d.exponent() + shift);
        double l = Math.scalb((double) rest.longValueExact(), d.exponent());
        double s = h + l;
        lo = l - (s - h);
        return s;
    }

    /** The exact value of x as an integer multiple of 2^−1074 (every double is one). */
    static BigInteger scaled(double x) {
        if (x == 0) {
            return BigInteger.ZERO;
        }
        long bits = Double.doubleToRawLongBits(Math.abs(x));
        int biased = (int) (bits >>> 52);
        long mantissa = bits & ((1L << 52) - 1);
        int shift;
        if (biased == 0) {
            shift = 0;
        } else {
            mantissa |= 1L << 52;
            shift = biased - 1;
        }
        BigInteger v = BigInteger.valueOf(mantissa).shiftLeft(shift);
        return x < 0 ? v.negate() : v;
    }
}
