package org.loopbound.kernel;

/**
 * Exact total-variation distance between two empirical distributions given as count vectors.
 *
 * <p>For counts {@code a} with total {@code na} and {@code b} with total {@code nb} over the same atoms,
 * TV = ½ Σ_j |a_j/na − b_j/nb| = L / (2·na·nb) with the integer numerator L = Σ_j |a_j·nb − b_j·na|. Only L is
 * computed here; the division is exact rational arithmetic done by the caller.
 */
public final class CountTv {

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
     * {@code long}; the simulator's sizes up to 10^9 satisfy this.
     *
     * @param a counts of the first distribution, summing to {@code na}
     * @param na total of {@code a}, in [1, 2^31 − 1]
     * @param b counts of the second distribution, summing to {@code nb}
     * @param nb total of {@code b}, in [1, 2^31 − 1]
     * @return the numerator L, in [0, 2·na·nb]
     */
    public static long l1Numerator(long[] a, long na, long[] b, long nb) {
        long sum = 0;
        /*@ loop_invariant 0 <= i && i <= a.length;
          @ loop_invariant sum == (\sum int j; 0 <= j && j < i;
          @                  (a[j] * nb >= b[j] * na ? a[j] * nb - b[j] * na : b[j] * na - a[j] * nb));
          @ loop_invariant 0 <= sum && sum <= (\sum int j; 0 <= j && j < i; a[j]) * nb
          @                                  + (\sum int j; 0 <= j && j < i; b[j]) * na;
          @ decreasing a.length - i;
          @ assignable \strictly_nothing;
          @*/
        for (int i = 0; i < a.length && i < b.length; i++) {
            long x = a[i] * nb;
            long y = b[i] * na;
            sum += x >= y ? x - y : y - x;
        }
        return sum;
    }
}
