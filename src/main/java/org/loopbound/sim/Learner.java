package org.loopbound.sim;

import org.checkerframework.checker.index.qual.SameLen;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Rational;
import org.loopbound.param.ParameterException;

/**
 * The learner a generation fits to its N training draws (count vector c): the empirical distribution p̂ = c/N, which
 * has the learning error ε(N, δ, k) of theory.md §6 (EPS-EMP), or add-β smoothing p̂_j = (c_j + β)/(N + kβ), for
 * which no ε has been derived: with it the simulator measures distances but draws no bound and gives no verdict.
 *
 * <p>Either way the model is kept as integer weights (for β = u/v: v·c_j + u over v·N + k·u), so sampling from it
 * and its exact TV to p₀ use the same integer code.
 */
public final class Learner {

    private final @Nullable Rational beta;
    private final long u;
    private final long v;

    private Learner(@Nullable Rational beta, long u, long v) {
        this.beta = beta;
        this.u = u;
        this.v = v;
    }

    /*@ public normal_behavior
      @ ensures \result.hasProvenError();
      @*/
    /** The empirical distribution counts/N. */
    public static Learner empirical() {
        return new Learner(null, 0, 1);
    }

    /*@ public normal_behavior
      @ requires beta > 0 && (* numerator and denominator of beta below 2^31 *);
      @ ensures !\result.hasProvenError();
      @ also public exceptional_behavior
      @ requires beta <= 0 || (* numerator or denominator of beta ≥ 2^31 *);
      @ signals_only IllegalArgumentException;
      @*/
    /** Add-β smoothing, β &gt; 0 with numerator and denominator below 2^31 (so the integer weights fit a long). */
    public static Learner addBeta(Rational beta) {
        if (beta.signum() <= 0 || beta.numerator().bitLength() > 31 || beta.denominator().bitLength() > 31) {
            throw ParameterException.outside("β", "> 0 with numerator and denominator below 2^31", beta);
        }
        return new Learner(beta, beta.numerator().longValueExact(), beta.denominator().longValueExact());
    }

    /** Whether this learner has a proven learning error ε (theory.md §6): only the empirical distribution does. */
    public boolean hasProvenError() {
        return beta == null;
    }

    /** {@code empirical} or {@code add-beta}. */
    public String name() {
        return beta == null ? "empirical" : "add-beta";
    }

    /** β, or {@code null} for the empirical learner. */
    public @Nullable Rational beta() {
        return beta;
    }

    /*@ public normal_behavior
      @ requires n >= 1 && atoms >= 1;
      @ ensures \result == v * n + atoms * u;
      @ also public exceptional_behavior
      @ requires v * n + atoms * u >= 2^62;
      @ signals_only IllegalArgumentException;
      @*/
    /** The total weight of a model fitted to n draws on k atoms: n, or v·n + k·u for β = u/v. */
    public long total(long n, int atoms) {
        try {
            long t = Math.addExact(Math.multiplyExact(v, n), Math.multiplyExact(u, (long) atoms));
            if (t >= 1L << 62) {
                throw new ArithmeticException();
            }
            return t;
        } catch (ArithmeticException e) {
            throw ParameterException.violates("β", "needs a smaller denominator: " + beta + " with N = " + n
                    + " and k = " + atoms + " gives integer weights beyond 2^62");
        }
    }

    /*@ public normal_behavior
      @ requires counts.length == model.length;
      @ ensures (\forall int j; 0 <= j < model.length; model[j] == v * counts[j] + u);
      @*/
    /** Writes the model's integer weights for these counts into {@code model}. */
    public void fit(long @SameLen("#2") [] counts, long @SameLen("#1") [] model) {
        if (beta == null) {
            System.arraycopy(counts, 0, model, 0, counts.length);
            return;
        }
        for (int j = 0; j < counts.length; j++) {
            model[j] = v * counts[j] + u;
        }
    }

    /** A one-line description for outputs, stating whether a learning error is proven. */
    public String describe() {
        return beta == null
                ? "empirical distribution counts/N: eps(N, delta, k) of EPS-EMP [derived] (McDiarmid [imported])"
                : "add-beta smoothing (c_j + " + beta + ")/(N + k*" + beta + "): no proven learning error eps,"
                        + " so no bound and no verdict";
    }
}
