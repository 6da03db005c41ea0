package org.loopbound.stats;

import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.DataDispersion;
import org.apache.commons.statistics.inference.TTest;

/**
 * The one-sided Welch (unequal-variance) t-test between two replicate means, from their summaries: H0 "the mean of
 * {@code a} is at most that of {@code b}" against H1 "it is larger". The statistic, the Welch–Satterthwaite degrees of
 * freedom and the p-value are those of commons-statistics-inference's {@link TTest}.
 */
public final class WelchTest {

    private WelchTest() {
    }

    /*@ public normal_behavior
      @ requires a.count() >= 2 && b.count() >= 2;
      @ ensures 0 <= \result && \result <= 1;
      @ ensures (* a.sd() == 0 && b.sd() == 0 ==> \result == (a.mean() > b.mean() ? 0 : 1) *);
      @ also public exceptional_behavior
      @ requires a.count() < 2 || b.count() < 2;
      @ signals_only IllegalArgumentException;
      @*/
    /**
     * The p-value of the one-sided Welch test that the mean of {@code a} exceeds the mean of {@code b}.
     *
     * @param a the replicates of the cell claimed to be larger (mean, sample sd, count)
     * @param b the replicates of the other cell
     * @return P(T ≥ t) under H0, with t = (mean_a − mean_b)/√(s_a²/n_a + s_b²/n_b); when both standard deviations
     *     are 0 the test degenerates to the comparison of the means: 0 when mean_a &gt; mean_b, else 1
     * @throws IllegalArgumentException if either summary has fewer than 2 replicates
     */
    public static double greater(MeanInterval a, MeanInterval b) {
        if (a.count() < 2 || b.count() < 2) {
            throw new IllegalArgumentException("a Welch test needs at least 2 replicates per cell, got " + a.count()
                    + " and " + b.count());
        }
        double va = a.sd() * a.sd();
        double vb = b.sd() * b.sd();
        if (va + vb == 0) {
            return a.mean() > b.mean() ? 0 : 1;
        }
        return TTest.withDefaults().with(AlternativeHypothesis.GREATER_THAN).with(DataDispersion.HETEROSCEDASTIC)
                .test(a.mean(), va, a.count(), b.mean(), vb, b.count()).getPValue();
    }
}
