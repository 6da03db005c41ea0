package org.loopbound.sim;

import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.checkerframework.common.value.qual.ArrayLen;

/** The interval estimates and the test behind the simulator's summaries (double precision, commons-statistics). */
public final class Statistics {

    private Statistics() {
    }

    /*@ public normal_behavior
      @ requires n >= 2 && 0 < level && level < 1 && sd >= 0;
      @ ensures \result[0] == mean - t_{(1+level)/2, n-1}·sd/√n && \result[1] == mean + t_{(1+level)/2, n-1}·sd/√n;
      @*/
    /** The Student-t interval mean ± t_{(1+level)/2; n−1}·sd/√n for the mean of n observations. */
    public static double @ArrayLen(2) [] tInterval(double mean, double sd, int n, double level) {
        if (n < 2) {
            throw new IllegalArgumentException("a t interval needs n >= 2, got " + n);
        }
        double t = TDistribution.of(n - 1.0).inverseCumulativeProbability((1 + level) / 2);
        double half = t * sd / Math.sqrt(n);
        return new double[] {mean - half, mean + half};
    }

    /*@ public normal_behavior
      @ requires 0 <= x && x <= n && n >= 1 && 0 < level && level < 1;
      @ ensures \result[0] == (x == 0 ? 0 : Beta(x, n−x+1).quantile((1−level)/2));
      @ ensures \result[1] == (x == n ? 1 : Beta(x+1, n−x).quantile((1+level)/2));
      @*/
    /** The exact (Clopper–Pearson) two-sided interval for a binomial proportion x/n, from Beta quantiles. */
    public static double @ArrayLen(2) [] clopperPearson(int x, int n, double level) {
        if (n < 1 || x < 0 || x > n) {
            throw new IllegalArgumentException("need 0 <= x <= n, n >= 1, got x=" + x + ", n=" + n);
        }
        double a = (1 - level) / 2;
        double lo = x == 0 ? 0 : BetaDistribution.of(x, n - x + 1.0).inverseCumulativeProbability(a);
        double hi = x == n ? 1 : BetaDistribution.of(x + 1.0, n - x).inverseCumulativeProbability(1 - a);
        return new double[] {lo, hi};
    }

    /*@ public normal_behavior
      @ requires 0 <= x && x <= n && 0 <= p && p <= 1;
      @ ensures \result == (* P(Bin(n, p) ≥ x) *);
      @*/
    /** P(Bin(n, p) ≥ x): the p-value of the one-sided test of H0 "success probability ≤ p" after x successes. */
    public static double upperTail(int x, int n, double p) {
        if (x <= 0) {
            return 1;
        }
        return BinomialDistribution.of(n, p).survivalProbability(x - 1);
    }
}
