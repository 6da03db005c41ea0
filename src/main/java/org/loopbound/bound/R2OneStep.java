package org.loopbound.bound;

import java.util.List;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Interval;
import org.loopbound.arith.Precision;

/**
 * R2, the one-step recursion (theory.md §2): on the event TV(p̂_i, q_i) ≤ ε_i,
 * TV(p̂_i, p₀) ≤ ε_i + (1−λ_i)·TV(p̂_{i−1}, p₀), and with general weights ε_i + Σ_j μ_{i,j}·TV(p̂_j, p₀).
 * Proof: triangle inequality through q_i, then R1.
 */
public final class R2OneStep {

    private R2OneStep() {
    }

    /*@ public normal_behavior
      @ ensures (* \result contains eps + (1 − lambda)·previous; exact iff all inputs are *);
      @*/
    /** ε_i + (1−λ_i)·TV(p̂_{i−1}, p₀). */
    public static Certified bound(Certified eps, Certified lambda, Certified previous, Precision p) {
        return previous.recursionStep(lambda, eps, p);
    }

    /*@ public normal_behavior
      @ requires (* oneMinusLambda contains 1 − λ_i *);
      @ ensures (* \result contains eps + (1 − λ_i)·previous, rounded outward to p *);
      @*/
    /**
     * ε_i + (1−λ_i)·TV(p̂_{i−1}, p₀) on enclosures, with 1 − λ_i given as an interval so that a long recursion
     * with a constant λ converts it once. With the p-bit enclosures of the inputs this is the same interval as
     * {@link #bound} on inexact inputs.
     */
    public static Interval boundWithFactor(Interval eps, Interval oneMinusLambda, Interval previous, Precision p) {
        return oneMinusLambda.multiply(previous, p).add(eps, p);
    }

    /*@ public normal_behavior
      @ requires mu.size() == previous.size();
      @ ensures (* \result contains eps + Σ_j mu_j·previous_j *);
      @*/
    /** ε_i + Σ_j μ_{i,j}·TV(p̂_j, p₀) for the general mixture of earlier generations. */
    public static Certified boundGeneral(Certified eps, List<Certified> mu, List<Certified> previous, Precision p) {
        if (mu.size() != previous.size()) {
            throw new IllegalArgumentException("one weight per earlier generation is needed");
        }
        Certified sum = eps;
        for (int j = 0; j < mu.size(); j++) {
            sum = sum.add(mu.get(j).multiply(previous.get(j), p), p);
        }
        return sum;
    }
}
