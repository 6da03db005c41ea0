package org.loopbound.sim;

import org.apache.commons.rng.UniformRandomProvider;
import org.checkerframework.checker.index.qual.SameLen;

/**
 * Multinomial sampling by conditional binomials: X_1 ~ Bin(n, p_1), X_j ~ Bin(n − X_1 − … − X_{j−1},
 * p_j / (p_j + … + p_k)). This is exactly Multinomial(n, p) and costs at most k binomial draws whatever n is, and
 * stops as soon as the n draws are placed.
 */
public final class Multinomial {

    private Multinomial() {
    }

    /*@ public normal_behavior
      @ requires n >= 0 && total > 0 && (\forall int j; 0 <= j < weights.length; weights[j] >= 0);
      @ requires (\sum int j; 0 <= j < weights.length; weights[j]) == total;
      @ requires out.length == weights.length;
      @ ensures (* out gains a Multinomial(n, weights/total) count vector: Σ out increases by exactly n *);
      @*/
    /**
     * Adds to {@code out} the counts of n draws from the distribution weights/total (integer weights: the empirical
     * or add-β model of a generation). The conditional probabilities are ratios of exact integers, so the only
     * rounding is that of one division per atom.
     */
    public static void addFromWeights(UniformRandomProvider rng, long n, long @SameLen("#5") [] weights, long total,
                                      long @SameLen("#3") [] out) {
        long left = n;
        long mass = total;
        for (int j = 0; j < weights.length && left > 0; j++) {
            long w = weights[j];
            if (w == 0) {
                continue;
            }
            long x = w >= mass ? left : BinomialSampler.sample(rng, left, (double) w / (double) mass);
            out[j] += x;
            left -= x;
            mass -= w;
        }
        if (left != 0) {
            throw new IllegalArgumentException("weights do not sum to the given total " + total);
        }
    }

    /*@ public normal_behavior
      @ requires n >= 0 && conditional.length == out.length;
      @ requires (* conditional[j] = p_j / (p_j + … + p_k) for a distribution p, so conditional[last positive] = 1 *);
      @ ensures (* out gains a Multinomial(n, p) count vector: Σ out increases by exactly n *);
      @*/
    /**
     * Adds to {@code out} the counts of n draws from a distribution given by its conditional probabilities
     * p_j / (p_j + … + p_k), precomputed once from exact weights (see {@link AtomDistribution#conditional()}).
     */
    public static void addFromConditional(UniformRandomProvider rng, long n, double @SameLen("#4") [] conditional,
                                          long @SameLen("#3") [] out) {
        long left = n;
        for (int j = 0; j < conditional.length && left > 0; j++) {
            double c = conditional[j];
            long x = c >= 1 ? left : BinomialSampler.sample(rng, left, c);
            out[j] += x;
            left -= x;
        }
        if (left != 0) {
            throw new IllegalArgumentException("conditional probabilities do not end with 1");
        }
    }
}
