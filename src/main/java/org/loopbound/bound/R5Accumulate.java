package org.loopbound.bound;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
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
      @ requires real.signum() > 0 && synthetic.signum() >= 0 && i >= 0;
      @ ensures \result.size() == i;
      @ ensures (* \result[j] == s / (r + i·s) for every j < i *);
      @*/
    /** μ_{i,0..i−1} = s/N_i with N_i = r + i·s (a constant s synthetic samples from each earlier generation). */
    public static List<Rational> weights(BigInteger real, BigInteger synthetic, int i) {
        BigInteger n = real.add(synthetic.multiply(BigInteger.valueOf(i)));
        List<Rational> out = new ArrayList<>();
        for (int j = 0; j < i; j++) {
            out.add(Rational.of(synthetic, n));
        }
        return List.copyOf(out);
    }
}
