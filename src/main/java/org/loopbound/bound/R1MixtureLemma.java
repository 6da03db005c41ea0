package org.loopbound.bound;

import java.util.List;
import org.loopbound.arith.Rational;

/**
 * R1, the mixture lemma (theory.md §2): TV(λp + (1−λ)q, p) = (1−λ)·TV(q, p), and with several components
 * TV(λp₀ + Σ_j μ_j q_j, p₀) ≤ Σ_j μ_j·TV(q_j, p₀). Distributions are finite, with exact rational weights.
 */
public final class R1MixtureLemma {

    private R1MixtureLemma() {
    }

    /*@ public normal_behavior
      @ requires p.size() == q.size() && (* p, q are probability vectors *) && 0 <= lambda && lambda <= 1;
      @ ensures \result.equals(TotalVariation.between(mixture(lambda, p, q), p));
      @ ensures \result.equals(Rational.ONE.subtract(lambda).multiply(TotalVariation.between(q, p)));
      @*/
    /**
     * TV(λp + (1−λ)q, p), computed from the mixture itself; by R1 it equals (1−λ)·TV(q, p), which tests check
     * exactly.
     */
    public static Rational mixtureDistance(Rational lambda, List<Rational> p, List<Rational> q) {
        return TotalVariation.between(mixture(lambda, p, q), p);
    }

    /*@ public normal_behavior
      @ requires p.size() == q.size() && 0 <= lambda && lambda <= 1;
      @ ensures \result.size() == p.size();
      @ ensures (* \result[j] == lambda·p[j] + (1 − lambda)·q[j] *);
      @*/
    /** The mixture λp + (1−λ)q, atom by atom. */
    public static List<Rational> mixture(Rational lambda, List<Rational> p, List<Rational> q) {
        TotalVariation.requireSameLength(p, q);
        Rational rest = Rational.ONE.subtract(lambda);
        Rational[] out = new Rational[p.size()];
        for (int j = 0; j < out.length; j++) {
            out[j] = lambda.multiply(p.get(j)).add(rest.multiply(q.get(j)));
        }
        return List.of(out);
    }

    /*@ public normal_behavior
      @ requires mu.size() == tv.size() && (* every mu_j ≥ 0 *);
      @ ensures (* \result == Σ_j mu_j·tv_j *);
      @*/
    /** The right-hand side of the several-component form: Σ_j μ_j·TV(q_j, p₀). */
    public static Rational mixtureBound(List<Rational> mu, List<Rational> tv) {
        if (mu.size() != tv.size()) {
            throw new IllegalArgumentException("one weight per component is needed");
        }
        Rational sum = Rational.ZERO;
        for (int j = 0; j < mu.size(); j++) {
            sum = sum.add(mu.get(j).multiply(tv.get(j)));
        }
        return sum;
    }
}
