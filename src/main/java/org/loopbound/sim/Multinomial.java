package org.loopbound.sim;

import org.apache.commons.rng.UniformRandomProvider;
import org.checkerframework.checker.index.qual.SameLen;

/**
 * Multinomial sampling by conditional binomials: X_1 ~ Bin(n, p_1), X_j ~ Bin(n − X_1 − … − X_{j−1},
 * p_j / (p_j + … + p_k)). This is exactly Multinomial(n, p) and costs at most k binomial draws whatever n is, and
 * stops as soon as the n draws are placed.
 *
 * <p>Why two chains: each binomial draw of a chain needs the count left by the one before, so a single chain runs
 * at the latency of one draw after another. Two independent chains whose draws alternate (the two halves of the
 * atoms after one binomial split, or the real and the synthetic draws of a stratified generation) let the processor
 * overlap them; measured on the project's machine this makes a generation about a fifth faster. The split is exact:
 * given n_A ~ Bin(n, P(A)), the counts on A and on its complement are independent multinomials of n_A and n − n_A.
 */
public final class Multinomial {

    /** Below this many atoms a single chain is used: the split's extra binomial draw would not pay. */
    private static final int SPLIT_MIN_ATOMS = 16;

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
     * rounding is that of one division per atom (and one for the split of the atoms into two halves, k ≥ 16).
     */
    public static void addFromWeights(UniformRandomProvider rng, long n, long @SameLen("#5") [] weights, long total,
                                      long @SameLen("#3") [] out) {
        int h = weights.length >= SPLIT_MIN_ATOMS ? weights.length / 2 : 0;
        long massA = 0;
        for (int j = 0; j < h && j < weights.length; j++) {
            massA += weights[j];
        }
        long leftA = draw(rng, n, massA, total);
        long leftB = n - leftA;
        long massB = total - massA;
        for (int j = 0; j + h < weights.length && (leftA > 0 || leftB > 0); j++) {
            if (j < h && leftA > 0) {
                long x = draw(rng, leftA, weights[j], massA);
                out[j] += x;
                leftA -= x;
                massA -= weights[j];
            }
            int jb = j + h;
            if (leftB > 0) {
                long y = draw(rng, leftB, weights[jb], massB);
                out[jb] += y;
                leftB -= y;
                massB -= weights[jb];
            }
        }
        if (leftA != 0 || leftB != 0) {
            throw new IllegalArgumentException("weights do not sum to the given total " + total);
        }
    }

    /** Bin(left, w/mass): the draws of {@code left} that fall on weight w out of the remaining mass. */
    private static long draw(UniformRandomProvider rng, long left, long w, long mass) {
        if (w == 0) {
            return 0;
        }
        return w >= mass ? left : BinomialSampler.sample(rng, left, (double) w / (double) mass);
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

    /*@ public normal_behavior
      @ requires n >= 0 && m >= 0 && total > 0 && conditional.length == out.length && weights.length == out.length;
      @ requires (* conditional as in addFromConditional; weights ≥ 0 summing to total *);
      @ ensures (* out gains X + Y, X ~ Multinomial(n, p), Y ~ Multinomial(m, weights/total), X and Y independent:
      @            Σ out increases by exactly n + m *);
      @*/
    /**
     * Adds to {@code out} the counts of n draws from p (given by its conditional probabilities, as in
     * {@link #addFromConditional}) plus m independent draws from weights/total (as in {@link #addFromWeights}): one
     * stratified generation with one source model. The same conditional binomials as the two calls in sequence,
     * drawn atom by atom alternately as two chains (class comment).
     */
    public static void addFromBoth(UniformRandomProvider rng, long n, double @SameLen({"#5", "#7"}) [] conditional,
                                   long m, long @SameLen({"#3", "#7"}) [] weights, long total,
                                   long @SameLen({"#3", "#5"}) [] out) {
        long leftN = n;
        long leftM = m;
        long mass = total;
        for (int j = 0; j < out.length && (leftN > 0 || leftM > 0); j++) {
            if (leftN > 0) {
                double c = conditional[j];
                long x = c >= 1 ? leftN : BinomialSampler.sample(rng, leftN, c);
                out[j] += x;
                leftN -= x;
            }
            if (leftM > 0) {
                long y = draw(rng, leftM, weights[j], mass);
                out[j] += y;
                leftM -= y;
                mass -= weights[j];
            }
        }
        if (leftN != 0) {
            throw new IllegalArgumentException("conditional probabilities do not end with 1");
        }
        if (leftM != 0) {
            throw new IllegalArgumentException("weights do not sum to the given total " + total);
        }
    }
}
