package org.loopbound.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A one-sided test that a replicated curve rises, then declines: its value at an interior peak exceeds its values
 * at both ends. To keep the peak's choice from biasing the test, the replicates are split: the even-numbered ones
 * choose the peak (the interior point of the largest mean), the odd-numbered ones test it, by two one-sided Welch
 * tests (peak &gt; first point, peak &gt; last point). The curve rises then declines only if both alternatives hold
 * (an intersection–union test), so its p-value is the larger of the two.
 */
public final class RiseThenDecline {

    /**
     * The test's outcome.
     *
     * @param peak the interior index chosen on the even replicates
     * @param start the test half's mean and interval at the first point
     * @param top the test half's mean and interval at the peak
     * @param end the test half's mean and interval at the last point
     * @param pStart the one-sided Welch p-value of "peak &gt; first point"
     * @param pEnd the one-sided Welch p-value of "peak &gt; last point"
     */
    public record Outcome(int peak, MeanInterval start, MeanInterval top, MeanInterval end, double pStart,
                          double pEnd) {

        /*@ public normal_behavior
          @ ensures \result == Math.max(pStart(), pEnd());
          @*/
        /**
         * The intersection–union p-value.
         *
         * @return max(pStart, pEnd)
         */
        public double p() {
            return Math.max(pStart, pEnd);
        }
    }

    private RiseThenDecline() {
    }

    /*@ public normal_behavior
      @ requires values.length >= 3 && (* every point has the same number R >= 4 of replicates *);
      @ ensures 0 < \result.peak() && \result.peak() < values.length - 1;
      @ also public exceptional_behavior
      @ requires values.length < 3 || (* some point has fewer than 4 replicates or a different number *);
      @ signals_only IllegalArgumentException;
      @*/
    /**
     * Tests a curve.
     *
     * @param values values[t][r]: replicate r at point t of the sweep, in the sweep's order; at least 3 points,
     *     each with the same number R ≥ 4 of replicates
     * @return the chosen peak, the test half's summaries and both p-values
     * @throws IllegalArgumentException if there are fewer than 3 points, fewer than 4 replicates, or unequal counts
     */
    public static Outcome test(double[][] values) {
        if (values.length < 3) {
            throw new IllegalArgumentException("a rise-then-decline test needs at least 3 points, got "
                    + values.length);
        }
        int reps = values[0].length;
        for (double[] v : values) {
            if (v.length != reps || reps < 4) {
                throw new IllegalArgumentException("every point needs the same number (at least 4) of replicates");
            }
        }
        List<double[]> points = Arrays.asList(values);
        int last = points.size() - 1;
        int peak = 1;
        double best = Double.NEGATIVE_INFINITY;
        for (int t = 1; t < last; t++) {
            double m = half(points.get(t), 0).mean();
            if (m > best) {
                best = m;
                peak = t;
            }
        }
        MeanInterval start = half(points.get(0), 1);
        MeanInterval top = half(points.get(peak), 1);
        MeanInterval end = half(points.get(last), 1);
        return new Outcome(peak, start, top, end, WelchTest.greater(top, start), WelchTest.greater(top, end));
    }

    /** The replicates r ≡ parity (mod 2). */
    private static MeanInterval half(double[] v, int parity) {
        List<Double> h = new ArrayList<>();
        for (int r = 0; r < v.length; r++) {
            if (r % 2 == parity) {
                h.add(v[r]);
            }
        }
        return MeanInterval.of(h.stream().mapToDouble(Double::doubleValue).toArray(), 0.95);
    }

    /*@ public normal_behavior
      @ requires 0 < alpha && alpha < 1;
      @ ensures \result.length == p.length;
      @*/
    /**
     * Holm's step-down procedure: controls the family-wise error rate at {@code alpha} over the hypotheses whose
     * p-values are given, without assumptions on their dependence.
     *
     * @param p the p-values, one per hypothesis
     * @param alpha the family-wise level, in (0, 1)
     * @return per hypothesis, whether it is rejected: with the p-values sorted ascending p_(1) ≤ … ≤ p_(m), the
     *     first j hypotheses are rejected, j the largest with p_(l) ≤ alpha/(m − l + 1) for every l ≤ j (ties in
     *     the order of the input)
     * @throws IllegalArgumentException if alpha is not in (0, 1)
     */
    public static boolean[] holm(double[] p, double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("the family-wise level must be in (0, 1), got " + alpha);
        }
        List<Double> ps = Arrays.stream(p).boxed().toList();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            order.add(i);
        }
        order.sort((a, b) -> Double.compare(ps.get(a), ps.get(b)));
        boolean[] reject = new boolean[p.length];
        for (int l = 0; l < order.size(); l++) {
            int i = order.get(l);
            if (!(ps.get(i) <= alpha / (p.length - l))) {
                break;
            }
            if (i >= 0 && i < reject.length) {
                reject[i] = true;
            }
        }
        return reject;
    }
}
