package org.loopbound.diffusion;

import java.math.BigInteger;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.bound.D2EarlyStopping;
import org.loopbound.param.ParameterException;

/**
 * How long generation j's score network is trained: a fixed τ, or the per-generation rule of D2 [derived],
 * τ_j = c·τ*(m, N_j) with τ*(m, N) = (mN/4)^(1/5) certified by {@link D2EarlyStopping#optimalStoppingTime} and then
 * rounded to a double. D2 fixes τ_j only up to the hidden constants of D0 [imported] and up to the units of the
 * flow's time, so the constant c is a free parameter of the experiment; what D2 predicts is the growth τ_j ∝ N_j^(1/5).
 */
public final class StoppingRule {

    private final boolean perGeneration;
    private final double value;
    private final int width;
    private final Precision precision;

    private StoppingRule(boolean perGeneration, double value, int width, Precision precision) {
        this.perGeneration = perGeneration;
        this.value = value;
        this.width = width;
        this.precision = precision;
    }

    /*@ public normal_behavior
      @ requires tau > 0;
      @ ensures (\forall int j, long n; \result.tau(j, n) == tau);
      @ also public exceptional_behavior
      @ requires !(tau > 0);
      @ signals_only IllegalArgumentException;
      @*/
    /** τ_j = τ for every generation. */
    public static StoppingRule fixed(Rational tau) {
        if (tau.signum() <= 0) {
            throw ParameterException.outside("τ", "> 0", tau);
        }
        return new StoppingRule(false, tau.doubleValue(), 1, Precision.bits(64));
    }

    /*@ public normal_behavior
      @ requires scale > 0 && width >= 1;
      @ ensures (\forall int j, long n; n >= 1 ==> \result.tau(j, n) == (* scale·(width·n/4)^(1/5), rounded *));
      @ also public exceptional_behavior
      @ requires !(scale > 0) || width < 1;
      @ signals_only IllegalArgumentException;
      @*/
    /** τ_j = c·(m N_j/4)^(1/5) (D2). */
    public static StoppingRule d2(Rational scale, int width, Precision precision) {
        if (scale.signum() <= 0) {
            throw ParameterException.outside("c", "> 0", scale);
        }
        if (width < 1) {
            throw ParameterException.outside("m", "≥ 1", width);
        }
        return new StoppingRule(true, scale.doubleValue(), width, precision);
    }

    /** Whether τ_j follows N_j (the D2 rule) rather than being fixed. */
    public boolean perGeneration() {
        return perGeneration;
    }

    /*@ public normal_behavior
      @ requires size >= 1;
      @ ensures \result > 0;
      @*/
    /** τ_j for generation j trained on N_j = size samples. */
    public double tau(int generation, long size) {
        if (!perGeneration) {
            return value;
        }
        return value * D2EarlyStopping.optimalStoppingTime(BigInteger.valueOf(width), BigInteger.valueOf(size),
                precision).approx();
    }

    /** A one-line description for outputs. */
    public String describe() {
        return perGeneration
                ? "per-generation tau_j = " + value + " * (m N_j / 4)^(1/5) (D2 [derived] rule, constant c free)"
                : "fixed tau = " + value;
    }
}
