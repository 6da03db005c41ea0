package org.loopbound.bound;

import java.math.BigInteger;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Interval;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.param.ParameterException;

/**
 * R4, corollaries of R3 for the named scenarios (theory.md §2). The last-injection threshold formalizes the
 * "Ω((i−1)/i) real proportion" reading of claim C6 and the growing-size bound its "quartic growth" reading; both
 * are reconstructions, not the paper's constants.
 */
public final class R4Corollaries {

    private R4Corollaries() {
    }

    /*@ public normal_behavior
      @ requires 0 < lambda && lambda <= 1 && eps >= 0 && i >= 0;
      @ ensures \result.equals(eps.multiply(Rational.ONE.subtract(Rational.ONE.subtract(lambda).pow(i + 1)))
      @                           .divide(lambda));
      @*/
    /** Fixed proportion, constant ε: B_i = ε·(1 − (1−λ)^(i+1))/λ, exactly. */
    public static Rational fixedProportion(Rational eps, Rational lambda, int i) {
        requirePositiveProportion(lambda);
        return eps.multiply(Rational.ONE.subtract(Rational.ONE.subtract(lambda).pow(i + 1))).divide(lambda);
    }

    /*@ public normal_behavior
      @ requires 0 < lambda && lambda <= 1 && eps >= 0;
      @ ensures \result.equals(eps.divide(lambda));
      @*/
    /** The bound ε/λ that B_i never exceeds in the fixed-proportion scenario (its limit as i → ∞). */
    public static Rational fixedProportionLimit(Rational eps, Rational lambda) {
        requirePositiveProportion(lambda);
        return eps.divide(lambda);
    }

    /*@ public normal_behavior
      @ requires i >= 0 && eps >= 0;
      @ ensures \result.equals(Rational.of(i + 1).multiply(eps));
      @*/
    /** Fully synthetic with constant ε: B_i = (i+1)·ε (linear growth). */
    public static Rational fullySynthetic(Rational eps, int i) {
        return Rational.of(i + 1L).multiply(eps);
    }

    /*@ public normal_behavior
      @ requires i >= 1;
      @ ensures \result.equals(Rational.of(i - 1, i));
      @*/
    /**
     * Last injection: with generations 1..i−1 fully synthetic and constant ε, B_i ≤ 2ε iff λ_i ≥ (i−1)/i. Returns
     * the threshold (i−1)/i.
     */
    public static Rational lastInjectionThreshold(int i) {
        if (i < 1) {
            throw ParameterException.outside("i", "≥ 1 for last-injection", i);
        }
        return Rational.of(i - 1L, i);
    }

    /*@ public normal_behavior
      @ requires i >= 1 && 0 <= lambda && lambda <= 1;
      @ ensures \result.equals(Rational.ONE.subtract(lambda).multiply(Rational.of(i)).multiply(eps).add(eps));
      @*/
    /** Last injection with constant ε: B_i = (1−λ_i)·i·ε + ε (B_{i−1} = i·ε after i−1 synthetic generations). */
    public static Rational lastInjection(Rational eps, Rational lambda, int i) {
        if (i < 1) {
            throw ParameterException.outside("i", "≥ 1 for last-injection", i);
        }
        return Rational.ONE.subtract(lambda).multiply(Rational.of(i)).multiply(eps).add(eps);
    }

    /*@ public normal_behavior
      @ requires i >= 0;
      @ ensures (* \result == Σ_{j=0}^{i} (j+1)^(−2), exactly *);
      @*/
    /** Σ_{j=0}^{i} (j+1)^(−2), exactly. */
    public static Rational inverseSquareSum(int i) {
        Rational sum = Rational.ZERO;
        for (int j = 1; j <= i + 1; j++) {
            long jj = j;
            sum = sum.add(Rational.of(1, jj * jj));
        }
        return sum;
    }

    /*@ public normal_behavior
      @ requires c > 0 && n0 >= 1 && i >= 0;
      @ ensures (* \result contains c·N₀^(−1/2)·Σ_{j≤i} (j+1)^(−2) *);
      @*/
    /**
     * Growing size, fully synthetic, ε(N) = c·N^(−1/2) and N_j = N₀(j+1)^4: B_i = c·N₀^(−1/2)·Σ_{j≤i}(j+1)^(−2),
     * enclosed (the square root is irrational in general).
     */
    public static Certified growingSize(Rational c, BigInteger n0, int i, Precision p) {
        Interval rootN0 = Interval.of(Rational.of(n0, BigInteger.ONE), p).sqrt(p);
        Interval value = Interval.of(c.multiply(inverseSquareSum(i)), p).divide(rootN0, p);
        return Certified.enclosed(value);
    }

    /*@ public normal_behavior
      @ requires c > 0 && n0 >= 1;
      @ ensures (* \result contains (π²/6)·c·N₀^(−1/2) *);
      @*/
    /** The limit (π²/6)·c·N₀^(−1/2) of the growing-size bound as i → ∞ (never reached), enclosed. */
    public static Certified growingSizeLimit(Rational c, BigInteger n0, Precision p) {
        Interval zeta2 = Interval.pi(p).pow(2, p).divide(Interval.of(6), p);
        Interval rootN0 = Interval.of(Rational.of(n0, BigInteger.ONE), p).sqrt(p);
        return Certified.enclosed(Interval.of(c, p).multiply(zeta2, p).divide(rootN0, p));
    }

    private static void requirePositiveProportion(Rational lambda) {
        if (lambda.signum() <= 0 || lambda.compareTo(Rational.ONE) > 0) {
            throw ParameterException.outside("λ", "in (0, 1] here", lambda);
        }
    }
}
