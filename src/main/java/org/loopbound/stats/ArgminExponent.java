package org.loopbound.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The exponent a of a power law x*(n) ≈ c·n^a for the location x* of the minimum of a replicated curve, measured at
 * several sizes n: per size the grid point with the smallest replicate mean, then the least-squares slope of
 * ln x* against ln n ({@link LeastSquares#logLogSlope}), with a percentile bootstrap confidence interval over the
 * replicates (each resample draws, independently per size, as many replicates as there are, with replacement, and
 * recomputes every argmin and the slope). The bootstrap draws from one {@link SplittableRandom} seeded with a fixed
 * seed, in a fixed order, so equal inputs give equal intervals.
 */
public final class ArgminExponent {

    /**
     * A fitted exponent.
     *
     * @param exponent the slope of ln x* against ln n on the full data
     * @param lo the lower end of the bootstrap interval
     * @param hi the upper end of the bootstrap interval
     * @param confidence the interval's level
     * @param resamples the number of bootstrap resamples
     * @param best per size, the index of the grid point with the smallest mean (first on ties)
     * @param interior whether every size's minimum lies strictly inside the grid (an argmin on the grid's edge only
     *     says that the minimum lies at or beyond the edge, so the fit does not locate it)
     */
    public record Fit(double exponent, double lo, double hi, double confidence, int resamples, List<Integer> best,
                      boolean interior) {

        /** Copies the list. */
        public Fit {
            best = List.copyOf(best);
        }

        /*@ public normal_behavior
          @ ensures \result == (interior() && lo() <= a && a <= hi());
          @*/
        /**
         * Whether a predicted exponent is consistent with the measurement.
         *
         * @param a the predicted exponent
         * @return true iff every minimum is interior and lo ≤ a ≤ hi
         */
        public boolean consistentWith(double a) {
            return interior && lo <= a && a <= hi;
        }
    }

    private ArgminExponent() {
    }

    /*@ public normal_behavior
      @ requires sizes.length >= 2 && values.length == sizes.length && grid.length >= 1;
      @ requires (* values[a][r].length == grid.length for every a, r; every size has >= 1 replicate *);
      @ requires resamples >= 1 && 0 < confidence && confidence < 1;
      @ ensures \result.lo() <= \result.hi() && \result.best().size() == sizes.length;
      @*/
    /**
     * Fits the exponent and its bootstrap interval.
     *
     * @param sizes the sizes n, positive, at least two distinct
     * @param grid the positions x of the grid, positive, in the order of the values' last index
     * @param values values[a][r][t]: replicate r at size a and grid point t
     * @param resamples the number B ≥ 1 of bootstrap resamples
     * @param confidence the interval's level, in (0, 1), e.g. 0.95: the interval is [the ⌊B(1−c)/2⌋-th, the
     *     ⌈B(1+c)/2⌉−1-th] of the B sorted resampled slopes (0-based, clamped to [0, B−1])
     * @param seed the seed of the bootstrap's generator
     * @return the fit
     * @throws IllegalArgumentException if the shapes do not fit together, a size has no replicate, fewer than two
     *     sizes are given, B &lt; 1 or the confidence is not in (0, 1)
     */
    public static Fit fit(double[] sizes, double[] grid, double[][][] values, int resamples, double confidence,
                          long seed) {
        if (sizes.length < 2 || values.length != sizes.length || grid.length == 0) {
            throw new IllegalArgumentException("an exponent needs at least two sizes, one value row per size and a"
                    + " non-empty grid, got " + sizes.length + " sizes, " + values.length + " rows, " + grid.length
                    + " grid points");
        }
        if (resamples < 1 || !(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("need B >= 1 resamples and a confidence in (0, 1), got " + resamples
                    + " and " + confidence);
        }
        for (double[][] row : values) {
            if (row.length == 0) {
                throw new IllegalArgumentException("every size needs at least one replicate");
            }
            for (double[] rep : row) {
                if (rep.length != grid.length) {
                    throw new IllegalArgumentException("every replicate needs " + grid.length + " values, got "
                            + rep.length);
                }
            }
        }
        // Lists where indices are computed (argmins, picks, percentiles): the Index Checker need not trace them.
        List<Double> points = Arrays.stream(grid).boxed().toList();
        List<double[][]> rows = Arrays.asList(values);
        List<Integer> best = new ArrayList<>();
        boolean interior = true;
        List<Double> at = new ArrayList<>();
        for (double[][] row : rows) {
            int b = argminOfMeans(Arrays.asList(row), allOf(row.length));
            best.add(b);
            interior &= b > 0 && b < points.size() - 1;
            at.add(points.get(b));
        }
        double exponent = LeastSquares.logLogSlope(sizes, unbox(at));
        SplittableRandom rng = new SplittableRandom(seed);
        List<Double> slopes = new ArrayList<>();
        for (int k = 0; k < resamples; k++) {
            List<Double> x = new ArrayList<>();
            for (double[][] row : rows) {
                List<Integer> pick = new ArrayList<>();
                for (int r = 0; r < row.length; r++) {
                    pick.add(rng.nextInt(row.length));
                }
                x.add(points.get(argminOfMeans(Arrays.asList(row), pick)));
            }
            slopes.add(LeastSquares.logLogSlope(sizes, unbox(x)));
        }
        slopes.sort(Double::compare);
        int lo = (int) Math.max(0, Math.min(resamples - 1, Math.floor(resamples * (1 - confidence) / 2)));
        int hi = (int) Math.max(0, Math.min(resamples - 1, Math.ceil(resamples * (1 + confidence) / 2) - 1));
        return new Fit(exponent, slopes.get(lo), slopes.get(hi), confidence, resamples, best, interior);
    }

    private static List<Integer> allOf(int n) {
        List<Integer> out = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            out.add(r);
        }
        return out;
    }

    private static double[] unbox(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The first grid index of the smallest mean over the picked replicates (all of one length, at least one). */
    private static int argminOfMeans(List<double[]> replicates, List<Integer> pick) {
        int points = replicates.get(0).length;
        int best = 0;
        double bestMean = Double.POSITIVE_INFINITY;
        for (int t = 0; t < points; t++) {
            double s = 0;
            for (int r : pick) {
                double[] rep = replicates.get(r);
                s += t < rep.length ? rep[t] : Double.NaN;
            }
            double mean = s / pick.size();
            if (mean < bestMean) {
                bestMean = mean;
                best = t;
            }
        }
        return best;
    }
}
