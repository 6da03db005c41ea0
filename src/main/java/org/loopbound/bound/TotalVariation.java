package org.loopbound.bound;

import java.util.List;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Rational;

/** TV(p, q) = ½ Σ_j |p_j − q_j| for finite distributions with exact rational weights (theory.md §1). */
public final class TotalVariation {

    private TotalVariation() {
    }

    /*@ public normal_behavior
      @ requires p.size() == q.size();
      @ ensures (* \result == ½ Σ_j |p_j − q_j| *) && \result.signum() >= 0;
      @*/
    /** ½ Σ_j |p_j − q_j|, exactly. */
    public static Rational between(List<Rational> p, List<Rational> q) {
        requireSameLength(p, q);
        Rational sum = Rational.ZERO;
        for (int j = 0; j < p.size(); j++) {
            sum = sum.add(p.get(j).subtract(q.get(j)).abs());
        }
        return sum.multiply(Rational.of(1, 2));
    }

    static void requireSameLength(List<Rational> p, List<Rational> q) {
        if (p.size() != q.size()) {
            throw new IllegalArgumentException("distributions on different numbers of atoms: "
                    + p.size() + " and " + q.size());
        }
    }

    /**
     * Whether a bound on a total variation says nothing: TV never exceeds 1, so a bound whose enclosure lies at or
     * above 1 cannot be violated, and a test against it is evidence of nothing.
     *
     * @param bound a bound B on some TV, exact or enclosed
     * @return whether the lower end of B is at least 1
     */
    public static boolean isVacuous(Certified bound) {
        return bound.enclosure().lo().toRational().compareTo(Rational.ONE) >= 0;
    }
}
