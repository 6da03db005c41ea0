package org.loopbound.bound;

import java.math.BigInteger;
import org.loopbound.arith.Interval;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.param.ParameterException;

/**
 * EPS-EMP (theory.md §6): the learning error of the empirical distribution on k atoms. For N independent samples of
 * a target q, p̂ = counts/N satisfies, with probability ≥ 1 − δ,
 * TV(p̂, q) ≤ ε(N, δ, k) = ½(√((k−1)/N) + √(2 ln(1/δ)/N)):
 * E‖p̂ − q‖₁ ≤ √((k−1)/N) by Cauchy–Schwarz, and McDiarmid's inequality [imported] with bounded differences 2/N.
 */
public final class EmpiricalLearnerError {

    private EmpiricalLearnerError() {
    }

    /*@ public normal_behavior
      @ requires n.signum() > 0 && atoms >= 1 && 0 < delta && delta < 1;
      @ ensures (* \result contains ½(√((k−1)/N) + √(2 ln(1/δ)/N)) *);
      @*/
    /** An enclosure of ε(N, δ, k) at the given precision. */
    public static Interval epsilon(BigInteger n, Rational delta, int atoms, Precision p) {
        checkDomain(atoms, delta);
        if (n.signum() <= 0) {
            throw ParameterException.outside("N", "≥ 1", n);
        }
        Precision w = p.plus(16);
        Rational nq = Rational.of(n, BigInteger.ONE);
        Interval mean = Interval.of(Rational.of(atoms - 1L, 1).divide(nq), w).sqrt(w);
        Interval logInverse = Interval.of(delta, w).ln(w).negate();
        Interval deviation = logInverse.multiply(Interval.of(Rational.of(2, 1).divide(nq), w), w).sqrt(w);
        return mean.add(deviation, w).multiply(Interval.of(Rational.of(1, 2), w), w).round(p);
    }

    /** Rejects k &lt; 1 and δ ∉ (0, 1) with a message naming the parameter. */
    static void checkDomain(int atoms, Rational delta) {
        if (atoms < 1) {
            throw ParameterException.outside("k", "≥ 1", atoms);
        }
        if (delta.signum() <= 0 || delta.compareTo(Rational.ONE) >= 0) {
            throw ParameterException.outside("δ", "in (0, 1)", delta);
        }
    }
}
