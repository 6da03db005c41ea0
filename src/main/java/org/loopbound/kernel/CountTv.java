package org.loopbound.kernel;

/**
 * Exact total-variation distance between two empirical distributions given as count vectors.
 *
 * <p>For counts {@code a} with total {@code na} and {@code b} with total {@code nb} over the same atoms,
 * TV = ½ Σ_j |a_j/na − b_j/nb| = L / (2·na·nb) with the integer numerator L = Σ_j |a_j·nb − b_j·na|. Only L is
 * computed here; the division is exact rational arithmetic done by the caller.
 *
 * <p>The JML contracts are proved by KeY 2.12.3 with {@code intRules:javaSemantics} (so every {@code long}
 * operation is checked for overflow); see {@code spec/contracts.md}. The private {@code static void} methods
 * without a body are lemmas: calling them does nothing at run time, while KeY uses their (separately proved)
 * contracts at the call site. They exist because KeY's automatic strategy cannot find the few non-linear
 * facts (products of non-negative numbers) and the induction over prefix sums on its own.
 */
public final class CountTv {

    /** Largest total allowed: 2^31 − 1. */
    private static final long MAX_TOTAL = 2147483647L;

    private CountTv() {
    }

    /*@ public normal_behavior
      @ requires a != null && b != null && a.length == b.length;
      @ requires 0 < na && na <= 2147483647L && 0 < nb && nb <= 2147483647L;
      @ requires (\forall int j; 0 <= j && j < a.length; 0 <= a[j] && a[j] <= na && 0 <= b[j] && b[j] <= nb);
      @ requires (\sum int j; 0 <= j && j < a.length; a[j]) == na;
      @ requires (\sum int j; 0 <= j && j < b.length; b[j]) == nb;
      @ ensures \result == (\sum int j; 0 <= j && j < a.length;
      @                       (a[j] * nb >= b[j] * na ? a[j] * nb - b[j] * na : b[j] * na - a[j] * nb));
      @ ensures 0 <= \result && \result <= 2 * na * nb;
      @ assignable \nothing;
      @*/
    /**
     * Returns L = Σ_j |a_j·nb − b_j·na|, so that TV = L / (2·na·nb) exactly.
     *
     * <p>The totals are bounded by 2^31 − 1 so that every product and the whole sum (at most 2·na·nb) fit in a
     * {@code long}; the simulator's sizes up to 10^9 satisfy this. (JML arithmetic is mathematical: the
     * contract speaks about the exact integers, and KeY proves that the {@code long} code never overflows.)
     *
     * @param a counts of the first distribution, summing to {@code na}
     * @param na total of {@code a}, in [1, 2^31 − 1]
     * @param b counts of the second distribution, summing to {@code nb}; same length as {@code a}
     * @param nb total of {@code b}, in [1, 2^31 − 1]
     * @return the numerator L, in [0, 2·na·nb]
     */
    public static long l1Numerator(long[] a, long na, long[] b, long nb) {
        long sum = 0;
        long sa = 0; // a[i] + ... + a[a.length - 1]
        long sb = 0; // b[i] + ... + b[b.length - 1]
        int i = a.length;
        /*@ loop_invariant 0 <= i && i <= a.length;
          @ loop_invariant sum == (\sum int j; i <= j && j < a.length;
          @                  (a[j] * nb >= b[j] * na ? a[j] * nb - b[j] * na : b[j] * na - a[j] * nb));
          @ loop_invariant 0 <= sa && (\sum int j; 0 <= j && j < i; a[j]) + sa == na;
          @ loop_invariant 0 <= sb && (\sum int j; 0 <= j && j < i; b[j]) + sb == nb;
          @ loop_invariant 0 <= sum && sum <= (\bigint) sa * nb + (\bigint) sb * na;
          @ decreasing i;
          @ assignable \strictly_nothing;
          @*/
        // "i <= b.length" always holds (a.length == b.length); it is there for the Checker Framework's Index
        // Checker, which cannot see that b[i] is in bounds otherwise.
        while (i > 0 && i <= b.length) {
            i--;
            long ai = a[i];
            long bi = b[i];
            stepBounds(a, na, b, nb, i, ai, bi, sa, sb);
            sa += ai;
            sb += bi;
            sum += absDiff(ai, nb, bi, na);
        }
        return sum;
    }

    /*@ private normal_behavior
      @ requires 0 <= (\bigint) p * q && (\bigint) p * q <= 4611686014132420609L;
      @ requires 0 <= (\bigint) r * s && (\bigint) r * s <= 4611686014132420609L;
      @ ensures \result == (p * q >= r * s ? p * q - r * s : r * s - p * q);
      @ ensures 0 <= \result && \result <= (\bigint) p * q + (\bigint) r * s;
      @ assignable \strictly_nothing;
      @*/
    /** |p·q − r·s| for products known to lie in [0, (2^31 − 1)^2]. */
    private static long absDiff(long p, long q, long r, long s) {
        long x = p * q;
        long y = r * s;
        return x >= y ? x - y : y - x;
    }

    /*@ private normal_behavior
      @ requires a != null && b != null && a.length == b.length;
      @ requires 0 < na && na <= 2147483647L && 0 < nb && nb <= 2147483647L;
      @ requires (\forall int j; 0 <= j && j < a.length; 0 <= a[j] && a[j] <= na && 0 <= b[j] && b[j] <= nb);
      @ requires 0 <= i && i < a.length && ai == a[i] && bi == b[i] && 0 <= sa && 0 <= sb;
      @ requires (\sum int j; 0 <= j && j < i + 1; a[j]) + sa == na;
      @ requires (\sum int j; 0 <= j && j < i + 1; b[j]) + sb == nb;
      @ ensures 0 <= (\bigint) ai * nb && (\bigint) ai * nb <= 4611686014132420609L;
      @ ensures 0 <= (\bigint) bi * na && (\bigint) bi * na <= 4611686014132420609L;
      @ ensures (\bigint) sa + ai <= na && (\bigint) sb + bi <= nb;
      @ ensures ((\bigint) sa + ai) * nb + ((\bigint) sb + bi) * na <= 9223372028264841218L;
      @ assignable \strictly_nothing;
      @*/
    /**
     * Lemma (no run-time effect): the bounds that make step {@code i} of {@link #l1Numerator} overflow-free.
     * (2^31 − 1)^2 = 4611686014132420609 and 2·(2^31 − 1)^2 = 9223372028264841218 &lt; 2^63 − 1.
     */
    private static void stepBounds(long[] a, long na, long[] b, long nb, int i, long ai, long bi, long sa,
                                   long sb) {
        prefixSumNonNeg(a, i);
        prefixSumNonNeg(b, i);
        mulLe(sa + ai, na, nb);
        mulLe(sb + bi, nb, na);
        mulLe(0, ai, nb);
        mulLe(ai, na, nb);
        mulLe(0, bi, na);
        mulLe(bi, nb, na);
        mulLe(na, MAX_TOTAL, nb);
        mulLe(nb, MAX_TOTAL, na);
    }

    /*@ private normal_behavior
      @ requires x <= y && 0 <= z;
      @ ensures (\bigint) x * z <= (\bigint) y * z;
      @ assignable \strictly_nothing;
      @*/
    /** Lemma (no run-time effect): x ≤ y ∧ 0 ≤ z ⇒ x·z ≤ y·z. */
    private static void mulLe(long x, long y, long z) {
        mulMono();
    }

    /*@ private normal_behavior
      @ ensures (\forall \bigint x; (\forall \bigint y; x <= y ==>
      @            (\forall \bigint zInd; 0 <= zInd; x * zInd <= y * zInd)));
      @ assignable \strictly_nothing;
      @*/
    /** Lemma (no run-time effect), proved by KeY's auto-induction on {@code zInd}. */
    private static void mulMono() {
    }

    /*@ private normal_behavior
      @ requires c != null && 0 <= k && k < c.length && (\forall int j; 0 <= j && j < c.length; 0 <= c[j]);
      @ ensures (\sum int j; 0 <= j && j < k; c[j]) >= 0;
      @ assignable \strictly_nothing;
      @*/
    /** Lemma (no run-time effect): a prefix sum of non-negative entries is non-negative. */
    private static void prefixSumNonNeg(long[] c, int k) {
        prefixSumsNonNeg(c);
        //@ assert 0 <= c[k];
    }

    /*@ private normal_behavior
      @ requires c != null && (\forall int j; 0 <= j && j < c.length; 0 <= c[j]);
      @ ensures (\forall int kInd; 0 <= kInd;
      @            kInd < c.length ==> 0 <= c[kInd] ==> (\sum int j; 0 <= j && j < kInd; c[j]) >= 0);
      @ assignable \strictly_nothing;
      @*/
    /**
     * Lemma (no run-time effect), proved by KeY's auto-induction on {@code kInd}; the conjunct
     * {@code 0 <= c[kInd]} gives KeY's quantifier instantiation a term to match.
     */
    private static void prefixSumsNonNeg(long[] c) {
    }
}
