package org.loopbound.sim;

import java.math.BigInteger;
import org.checkerframework.checker.index.qual.SameLen;
import org.loopbound.arith.Rational;
import org.loopbound.kernel.CountTv;

/**
 * The exact total-variation distance between a model given by integer weights w (total T: p̂_j = w_j / T, the
 * empirical counts or the add-β weights) and p₀ = a/D: TV = L / (2·T·D) with L = Σ_j |w_j·D − a_j·T|.
 *
 * <p>Three ways to get L, all exact:
 * <ul>
 *   <li>T, D ≤ 2^31 − 1: the KeY-verified kernel {@link CountTv#l1Numerator}, whose precondition this is;</li>
 *   <li>D &lt; 2^62, T &lt; 2^62 (sizes up to 10^12): L = 2·Σ_{j∈S}(a_j·T − w_j·D) with S = {j : a_j·T &gt; w_j·D}
 *       (the positive and negative parts of Σ_j (w_j·D − a_j·T) = 0 are equal); S is decided by exact 128-bit
 *       products (Math.multiplyHigh), and L = 2·(T·Σ_S a_j − D·Σ_S w_j) needs one BigInteger product per call;</li>
 *   <li>larger D (zipf and geometric presets): the same with BigInteger numerators, S screened in double precision
 *       and decided exactly only where the doubles are within their rounding error of a tie.</li>
 * </ul>
 */
public final class ExactTv {

    private static final long KERNEL_MAX = Integer.MAX_VALUE;

    private ExactTv() {
    }

    /*@ public normal_behavior
      @ requires weights.length == p0.atoms() && total > 0 && total < 2^62;
      @ requires (\forall int j; 0 <= j < weights.length; weights[j] >= 0) && (\sum weights) == total;
      @ ensures \result.equals((* Σ_j |weights[j]·D − a_j·total| *));
      @ ensures (* TV(weights/total, p0) == \result / (2·total·D) *);
      @*/
    /** The numerator L of TV(w/T, p₀) = L / (2·T·D). */
    public static BigInteger numerator(long[] weights, long total, AtomDistribution p0) {
        if (weights.length != p0.atoms() || total <= 0 || total >= 1L << 62) {
            throw new IllegalArgumentException("need " + p0.atoms() + " weights with a total in [1, 2^62)");
        }
        long[] a = p0.numeratorsLong();
        if (a.length == weights.length) {
            long d = p0.denominator().longValue();
            if (total <= KERNEL_MAX && d <= KERNEL_MAX) {
                return BigInteger.valueOf(CountTv.l1Numerator(weights, total, a, d));
            }
            return wide(weights, total, a, d);
        }
        BigInteger[] big = p0.numeratorsBig();
        double[] p = p0.probabilities();
        if (big.length != weights.length || p.length != weights.length) {
            throw new IllegalStateException("p0 arrays disagree on the number of atoms");
        }
        return big(weights, total, big, p, p0.denominator());
    }

    /*@ public normal_behavior
      @ requires (* as numerator(weights, total, p0) *);
      @ ensures \result.equals(Rational.of(numerator(weights, total, p0), 2·total·D));
      @*/
    /** TV(w/T, p₀) as an exact rational. */
    public static Rational distance(long[] weights, long total, AtomDistribution p0) {
        return Rational.of(numerator(weights, total, p0), denominator(total, p0));
    }

    /*@ public normal_behavior
      @ requires total > 0;
      @ ensures \result.equals(BigInteger.valueOf(2).multiply(BigInteger.valueOf(total)).multiply(p0.denominator()));
      @*/
    /** The denominator 2·T·D that goes with {@link #numerator}. */
    public static BigInteger denominator(long total, AtomDistribution p0) {
        return BigInteger.valueOf(total).shiftLeft(1).multiply(p0.denominator());
    }

    /** D &lt; 2^62: S decided by exact 128-bit comparisons of a_j·T with w_j·D. */
    static BigInteger wide(long @SameLen("#3") [] w, long total, long @SameLen("#1") [] a, long d) {
        long sumA = 0;
        long sumW = 0;
        for (int j = 0; j < w.length; j++) {
            long aj = a[j];
            long wj = w[j];
            // All factors are in [0, 2^62), so the signed high words are the unsigned ones.
            long hi1 = Math.multiplyHigh(aj, total);
            long hi2 = Math.multiplyHigh(wj, d);
            if (hi1 > hi2 || hi1 == hi2 && Long.compareUnsigned(aj * total, wj * d) > 0) {
                sumA += aj;
                sumW += wj;
            }
        }
        return BigInteger.valueOf(total).multiply(BigInteger.valueOf(sumA))
                .subtract(BigInteger.valueOf(d).multiply(BigInteger.valueOf(sumW))).shiftLeft(1);
    }

    /** Any D: S screened with p_j·T in doubles (relative error ≤ 2^−52) and decided exactly near ties. */
    static BigInteger big(long @SameLen({"#3", "#4"}) [] w, long total, BigInteger @SameLen({"#1", "#4"}) [] a,
                          double @SameLen({"#1", "#3"}) [] p, BigInteger d) {
        BigInteger sumA = BigInteger.ZERO;
        long sumW = 0;
        BigInteger t = BigInteger.valueOf(total);
        double td = total;
        for (int j = 0; j < w.length; j++) {
            long wj = w[j];
            double lhs = p[j] * td;
            double gap = lhs - wj;
            // p_j is correctly rounded, so lhs is within 2^−52·lhs of a_j·T/D; a gap above 2^−40·max(lhs, 1) is real.
            boolean positive = Math.abs(gap) > 0x1p-40 * Math.max(lhs, 1.0)
                    ? gap > 0
                    : a[j].multiply(t).compareTo(d.multiply(BigInteger.valueOf(wj))) > 0;
            if (positive) {
                sumA = sumA.add(a[j]);
                sumW += wj;
            }
        }
        return t.multiply(sumA).subtract(d.multiply(BigInteger.valueOf(sumW))).shiftLeft(1);
    }
}
