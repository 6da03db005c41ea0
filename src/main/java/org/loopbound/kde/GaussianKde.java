package org.loopbound.kde;

import java.util.Arrays;
import org.checkerframework.checker.index.qual.NonNegative;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.loopbound.param.ParameterException;

/**
 * The Gaussian kernel density estimator p̂(x) = (1/(n h)) Σ_i φ((x − x_i)/h) of n points with bandwidth h &gt; 0, in
 * double precision. Points are kept sorted, so that evaluation sums only the points within 9h of x: the neglected
 * terms are each below φ(9) &lt; 10^−18 of the kernel's peak, far below double rounding of the sum. Sampling is exact
 * for the mixture: a stored point chosen uniformly, plus h·Z.
 */
public final class GaussianKde {

    /** Kernel support used in evaluation, in bandwidths. */
    static final double REACH = 9;
    private static final double INV_SQRT_TWO_PI = 1 / Math.sqrt(2 * Math.PI);

    private final double[] points;
    private final double bandwidth;
    private final double min;
    private final double max;

    /*@ public normal_behavior
      @ requires data.length >= 1 && bandwidth > 0;
      @ ensures size() == data.length && bandwidth() == bandwidth;
      @ also public exceptional_behavior
      @ requires data.length == 0 || !(bandwidth > 0) || (* a point is not finite *);
      @ signals_only IllegalArgumentException;
      @*/
    /** Fits the estimator: stores a sorted copy of the data. */
    public GaussianKde(double[] data, double bandwidth) {
        if (data.length == 0) {
            throw new IllegalArgumentException("a KDE needs at least one point");
        }
        if (!(bandwidth > 0) || !Double.isFinite(bandwidth)) {
            throw ParameterException.outside("h", "finite and > 0", bandwidth);
        }
        for (double x : data) {
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("KDE data must be finite, got " + x);
            }
        }
        this.points = data.clone();
        Arrays.sort(points);
        this.bandwidth = bandwidth;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : points) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        this.min = lo;
        this.max = hi;
    }

    /** The number of points n. */
    public int size() {
        return points.length;
    }

    /** The bandwidth h. */
    public double bandwidth() {
        return bandwidth;
    }

    /** The smallest point. */
    public double min() {
        return min;
    }

    /** The largest point. */
    public double max() {
        return max;
    }

    /*@ public normal_behavior
      @ ensures \result == (* (1/(n h)) Σ_i φ((x − x_i)/h), up to the neglected far terms *) && \result >= 0;
      @*/
    /** p̂(x). */
    public double density(double x) {
        int from = lowerIndex(x - REACH * bandwidth);
        double s = 0;
        for (int i = from; i < points.length; i++) {
            double d = (x - points[i]) / bandwidth;
            if (d < -REACH) {
                break;
            }
            s += Math.exp(-0.5 * d * d);
        }
        return s * INV_SQRT_TWO_PI / (points.length * bandwidth);
    }

    /** The first index whose point is ≥ v (binary search). */
    private @NonNegative int lowerIndex(double v) {
        int lo = 0;
        int hi = points.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (mid < points.length && points[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /*@ public normal_behavior
      @ requires n >= 0;
      @ ensures \result.length == n;
      @ ensures (* each entry is x_I + h·Z with I uniform on the points and Z ~ N(0, 1), all independent *);
      @*/
    /** n independent draws of p̂. */
    public double[] sample(UniformRandomProvider rng, ZigguratSampler.NormalizedGaussian gaussian, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("sample count must be >= 0, got " + n);
        }
        double[] out = new double[n];
        for (int k = 0; k < out.length; k++) {
            int i = rng.nextInt(points.length);
            if (i < 0 || i >= points.length) {
                throw new IllegalStateException("uniform index " + i + " outside [0, " + points.length + ")");
            }
            out[k] = points[i] + bandwidth * gaussian.sample();
        }
        return out;
    }
}
