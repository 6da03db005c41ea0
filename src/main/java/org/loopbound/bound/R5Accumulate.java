package org.loopbound.bound;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;

/**
 * R5, accumulate (theory.md §2): generation i trains on r real samples plus the s_j synthetic samples of every
 * earlier generation j &lt; i, N_i = r + Σ_{j&lt;i} s_j, so q_i = (r/N_i)p₀ + Σ_j (s_j/N_i)p̂_j and by R1
 * TV(q_i, p₀) ≤ Σ_{j&lt;i} (s_j/N_i)·TV(p̂_j, p₀): the general-weights recursion of R2 with μ_{i,j} = s_j/N_i.
 */
public final class R5Accumulate {

    private R5Accumulate() {
    }

    /*@ public normal_behavior
      @ requires eps.size() >= 1 && real.signum() > 0 && synthetic.signum() >= 0;
      @ ensures \result.size() == eps.size();
      @ ensures (* \result[i] contains ε_i + s·Σ_{j<i} ε_j/(r + (j+1)s) *);
      @*/
    /**
     * B_0..B_g of accumulate by its closed form B_i = ε_i + s·Σ_{j&lt;i} ε_j/N_{j+1}, N_j = r + j·s, computed
     * independently of the recursion B_i = ε_i + (s/N_i)·Σ_{j&lt;i} B_j: with S_i = Σ_{j≤i} B_j the recursion gives
     * S_i = (N_{i+1}/N_i)·S_{i−1} + ε_i, so S_i/N_{i+1} telescopes to Σ_{j≤i} ε_j/N_{j+1}. One pass, O(g).
     *
     * @param real r ≥ 1
     * @param synthetic s ≥ 0
     * @param eps ε_0..ε_g
     * @param p the working precision of enclosures
     * @return B_0..B_g, exact when every ε is exact
     */
    public static List<Certified> closedForm(BigInteger real, BigInteger synthetic, List<Certified> eps,
                                             Precision p) {
        List<Certified> out = new ArrayList<>(eps.size());
        Certified tail = Certified.exact(Rational.ZERO);
        Certified s = Certified.exact(Rational.of(synthetic, BigInteger.ONE));
        for (int i = 0; i < eps.size(); i++) {
            out.add(eps.get(i).add(s.multiply(tail, p), p));
            BigInteger next = real.add(synthetic.multiply(BigInteger.valueOf(i + 1L)));
            tail = tail.add(eps.get(i).multiply(Certified.exact(Rational.of(BigInteger.ONE, next)), p), p);
        }
        return List.copyOf(out);
    }
}
