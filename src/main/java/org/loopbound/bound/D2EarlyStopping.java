package org.loopbound.bound;

import java.math.BigInteger;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Dyadic;
import org.loopbound.arith.Interval;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.arith.Rounding;
import org.loopbound.param.ParameterException;

/**
 * D2, optimal early stopping (theory.md §4, bearing on claim C4). In the D0 bound of a diffusion model with a score
 * network of width m trained for time τ on N samples, the τ-dependent terms are φ(τ) = τ⁴/(mN) + 1/τ (dropping
 * τ³/m²). φ′(τ) = 4τ³/(mN) − 1/τ² vanishes only at τ* = (mN/4)^(1/5), where φ″ &gt; 0; φ → ∞ at 0 and at ∞, so τ*
 * is the unique minimizer and φ(τ*) = τ*^(−1)·(1/4 + 1) = 5·4^(−4/5)·(mN)^(−1/5) = 5·(256·mN)^(−1/5)
 * (5·4^(−4/5) = 1.649384…). With τ³/m² kept, the stationarity condition becomes 4τ⁵/(mN) + 3τ⁴/m² = 1.
 * The bound is U-shaped in τ, so the stopping time is chosen per generation, τ_j = (m·N_j/4)^(1/5).
 * D0 itself assumes τ ≥ 1, i.e. mN ≥ 4 for τ*.
 */
public final class D2EarlyStopping {

    private static final int GUARD_BITS = 32;
    private static final int MAX_NEWTON_STEPS = 10_000;

    private D2EarlyStopping() {
    }

    /*@ public normal_behavior
      @ requires m >= 1 && n >= 1;
      @ ensures (* \result contains (m·n/4)^(1/5); exact when that is rational *);
      @ also public exceptional_behavior
      @ requires m < 1 || n < 1;
      @ signals_only IllegalArgumentException;
      @*/
    /** The minimizer τ* = (mN/4)^(1/5) of φ over τ &gt; 0; exact when mN/4 is a fifth power of a rational. */
    public static Certified optimalStoppingTime(BigInteger m, BigInteger n, Precision p) {
        checkDomain(m, n);
        return P1PhaseTransition.power(Rational.of(m.multiply(n), BigInteger.valueOf(4)), Rational.of(1, 5), p);
    }

    /*@ public normal_behavior
      @ requires m >= 1 && n >= 1;
      @ ensures (* \result contains 5·4^(−4/5)·(m·n)^(−1/5) = min_{τ>0} φ(τ) *);
      @ also public exceptional_behavior
      @ requires m < 1 || n < 1;
      @ signals_only IllegalArgumentException;
      @*/
    /**
     * The minimum φ(τ*) = 5·4^(−4/5)·(mN)^(−1/5), computed as 5·(256·mN)^(−1/5) (exact when 256·mN is a fifth power,
     * e.g. mN = 4: 5/4). mN = 1 gives the constant 5·4^(−4/5) = 1.649384….
     */
    public static Certified minimumValue(BigInteger m, BigInteger n, Precision p) {
        checkDomain(m, n);
        Precision w = p.plus(GUARD_BITS);
        Rational base = Rational.of(m.multiply(n).multiply(BigInteger.valueOf(256)), BigInteger.ONE);
        Certified root = P1PhaseTransition.power(base, Rational.of(-1, 5), w);
        return P1PhaseTransition.rounded(Certified.exact(Rational.of(5)).multiply(root, w), p);
    }

    /*@ public normal_behavior
      @ requires m >= 1 && n >= 1 && (* tau > 0 certainly *);
      @ ensures (* \result contains τ⁴/(m·n) + 1/τ for every τ in tau; exact when tau is *);
      @ also public exceptional_behavior
      @ requires m < 1 || n < 1 || !(* tau > 0 certainly *);
      @ signals_only IllegalArgumentException;
      @*/
    /** φ(τ) = τ⁴/(mN) + 1/τ, the τ-dependent part of the D0 bound without τ³/m²; τ may be an enclosure. */
    public static Certified phi(BigInteger m, BigInteger n, Certified tau, Precision p) {
        checkDomain(m, n);
        if (tau.isExact() ? tau.exact().signum() <= 0 : tau.enclosure().lo().signum() <= 0) {
            throw ParameterException.outside("τ", "certainly > 0", tau);
        }
        Precision w = p.plus(GUARD_BITS);
        Certified mn = Certified.exact(Rational.of(m.multiply(n), BigInteger.ONE));
        Certified tau2 = tau.multiply(tau, w);
        Certified fourth = tau2.multiply(tau2, w).divide(mn, w);
        return P1PhaseTransition.rounded(fourth.add(Certified.exact(Rational.ONE).divide(tau, w), w), p);
    }

    /*@ public normal_behavior
      @ requires m >= 1 && n >= 1;
      @ ensures (* \result contains the unique τ > 0 with 4τ⁵/(m·n) + 3τ⁴/m² = 1 *);
      @ ensures (* \result is exact, or [lo, hi] with 0 < hi − lo ≤ 2^(2−p)·hi *);
      @ also public exceptional_behavior
      @ requires m < 1 || n < 1;
      @ signals_only IllegalArgumentException;
      @*/
    /**
     * The stopping time when the τ³/m² term is kept: the unique positive root of 4τ⁵/(mN) + 3τ⁴/m² = 1.
     *
     * <p>Certificate: multiplied by m²N &gt; 0 the condition is G(τ) = 4m·τ⁵ + 3N·τ⁴ − m²N = 0. G(0) &lt; 0 and G is
     * strictly increasing and convex on τ &gt; 0, so there is exactly one positive root, and the sign of G at a
     * dyadic τ — computed exactly — tells on which side of the root τ lies. Newton's iteration from a point with
     * G &gt; 0 stays to the right of the root (convexity) and converges quadratically; each iterate is rounded up
     * and its sign checked exactly. The enclosure [lo, hi] is returned once G(lo) &lt; 0 &lt; G(hi) has been checked
     * exactly with hi − lo ≤ 2^(1−p)·hi; a dyadic root found on the way is returned exactly.
     */
    public static Certified optimalStoppingTimeWithCubicTerm(BigInteger m, BigInteger n, Precision p) {
        checkDomain(m, n);
        Dyadic dm = Dyadic.of(m, 0);
        Dyadic dn = Dyadic.of(n, 0);
        Dyadic constant = dm.multiply(dm).multiply(dn);
        Dyadic hi = Dyadic.ONE;
        for (int sign = cubicCondition(hi, dm, dn, constant); sign <= 0;
                sign = cubicCondition(hi, dm, dn, constant)) {
            if (sign == 0) {
                return Certified.exact(hi.toRational());
            }
            hi = hi.scaleByPowerOfTwo(1);
        }
        Precision w = p.plus(GUARD_BITS);
        for (int step = 0; step < MAX_NEWTON_STEPS; step++) {
            Dyadic lo = hi.subtract(hi.scaleByPowerOfTwo(1 - p.bits())).round(w, Rounding.DOWN);
            int atLo = cubicCondition(lo, dm, dn, constant);
            if (atLo == 0) {
                return Certified.exact(lo.toRational());
            }
            if (atLo < 0) {
                return Certified.enclosed(Interval.of(lo, hi));
            }
            Dyadic hi3 = hi.multiply(hi).multiply(hi);
            Dyadic slope = Dyadic.of(20).multiply(dm).multiply(hi3).multiply(hi)
                    .add(Dyadic.of(12).multiply(dn).multiply(hi3));
            // Quotient rounded down and result rounded up: next is at or right of the exact Newton iterate.
            Dyadic next = hi.subtract(cubicPolynomial(hi, dm, dn, constant).divide(slope, w, Rounding.DOWN))
                    .round(w, Rounding.UP);
            int atNext = cubicCondition(next, dm, dn, constant);
            if (atNext == 0) {
                return Certified.exact(next.toRational());
            }
            if (atNext < 0 || next.compareTo(hi) >= 0) {
                throw new ArithmeticException("Newton's iteration for the cubic-term stopping time left the right"
                        + " side of the root or stalled at " + next);
            }
            hi = next;
        }
        throw new ArithmeticException("Newton's iteration for the cubic-term stopping time did not converge");
    }

    /** The sign of G(τ) = 4m·τ⁵ + 3N·τ⁴ − m²N, exactly. */
    private static int cubicCondition(Dyadic tau, Dyadic m, Dyadic n, Dyadic constant) {
        return cubicPolynomial(tau, m, n, constant).signum();
    }

    /** G(τ) = 4m·τ⁵ + 3N·τ⁴ − m²N, exactly (dyadic arithmetic). */
    private static Dyadic cubicPolynomial(Dyadic tau, Dyadic m, Dyadic n, Dyadic constant) {
        Dyadic tau2 = tau.multiply(tau);
        Dyadic tau4 = tau2.multiply(tau2);
        return Dyadic.of(4).multiply(m).multiply(tau4).multiply(tau)
                .add(Dyadic.of(3).multiply(n).multiply(tau4))
                .subtract(constant);
    }

    private static void checkDomain(BigInteger m, BigInteger n) {
        if (m.signum() <= 0) {
            throw ParameterException.outside("m", "≥ 1", m);
        }
        if (n.signum() <= 0) {
            throw ParameterException.outside("N", "≥ 1", n);
        }
    }
}
