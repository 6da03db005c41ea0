package org.loopbound.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The mean of R independent replicate values with its two-sided Student-t confidence interval
 * mean ± t_{R−1, 1−α/2}·s/√R (s the sample standard deviation): the uncertainty reported for every simulated
 * quantity. The t interval is exact for normal replicates and asymptotically valid otherwise (central limit theorem).
 * With R = 1 the interval is unbounded.
 *
 * @param mean the sample mean
 * @param sd the sample standard deviation (divisor R − 1; 0 for R = 1)
 * @param lo the lower end of the interval
 * @param hi the upper end of the interval
 * @param count R
 */
public record MeanInterval(double mean, double sd, double lo, double hi, int count) {

    /*@ public normal_behavior
      @ requires values.length >= 1 && 0 < confidence && confidence < 1;
      @ ensures \result.lo() <= \result.mean() && \result.mean() <= \result.hi() && \result.count() == values.length;
      @ also public exceptional_behavior
      @ requires values.length == 0 || !(0 < confidence && confidence < 1);
      @ signals_only IllegalArgumentException;
      @*/
    /** The mean and its {@code confidence} t interval (e.g. 0.95). */
    public static MeanInterval of(double[] values, double confidence) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a confidence interval needs at least one replicate");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / values.length;
        if (values.length == 1) {
            return new MeanInterval(mean, 0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 1);
        }
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (values.length - 1));
        double t = TDistribution.of(values.length - 1).inverseSurvivalProbability((1 - confidence) / 2);
        double half = t * sd / Math.sqrt(values.length);
        return new MeanInterval(mean, sd, mean - half, mean + half, values.length);
    }

    /*@ public normal_behavior
      @ requires !replicates.isEmpty() && (* every replicate has the same length L *);
      @ requires 0 < confidence && confidence < 1;
      @ ensures \result.size() == replicates.get(0).size();
      @ ensures (\forall int g; 0 <= g && g < \result.size();
      @         \result.get(g).equals(of({value(replicates.get(r).get(g)) : r}, confidence)));
      @*/
    /**
     * The replicate mean at every position (generation) of equally long replicate runs.
     *
     * @param replicates R ≥ 1 runs, each a list of L items (one per generation)
     * @param value the quantity averaged, e.g. the TV of a generation
     * @param confidence the level of the intervals, in (0, 1)
     * @param <T> the item of a run
     * @return L intervals; the g-th is {@link #of} over the g-th items of the R runs
     * @throws IllegalArgumentException if there is no replicate, the runs differ in length, or confidence is not in
     *     (0, 1)
     */
    public static <T> List<MeanInterval> perPosition(List<? extends List<T>> replicates, ToDoubleFunction<T> value,
            double confidence) {
        if (replicates.isEmpty()) {
            throw new IllegalArgumentException("a confidence interval needs at least one replicate");
        }
        int length = replicates.get(0).size();
        List<MeanInterval> out = new ArrayList<>();
        for (int g = 0; g < length; g++) {
            double[] v = new double[replicates.size()];
            for (int r = 0; r < v.length; r++) {
                List<T> run = replicates.get(r);
                if (run.size() != length) {
                    throw new IllegalArgumentException("replicate " + r + " has " + run.size() + " positions, not "
                            + length);
                }
                v[r] = value.applyAsDouble(run.get(g));
            }
            out.add(of(v, confidence));
        }
        return out;
    }

    /*@ public normal_behavior
      @ ensures \result == (lo() <= x && x <= hi());
      @*/
    /** Whether x lies in the interval. */
    public boolean contains(double x) {
        return lo <= x && x <= hi;
    }
}
