package org.loopbound.kde;

import java.util.Arrays;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Rational;
import org.loopbound.param.ParameterException;

/**
 * The bandwidth of each generation's KDE: a fixed h (given exactly, so that the K2 [derived] oracle can use it), or
 * Silverman's rule of thumb h = 0.9·min(ŝ, IQR/1.34)·n^(−1/5) (Silverman 1986, eq. 3.31), recomputed from each
 * generation's own training data; IQR/1.34 is the normal-consistent robust scale. K2 assumes a constant h, so it
 * applies to the fixed bandwidth only.
 */
public final class Bandwidth {

    private final @Nullable Rational fixed;

    private Bandwidth(@Nullable Rational fixed) {
        this.fixed = fixed;
    }

    /*@ public normal_behavior
      @ requires h > 0;
      @ ensures \result.exact() == h;
      @ also public exceptional_behavior
      @ requires h <= 0;
      @ signals_only IllegalArgumentException;
      @*/
    /** A fixed bandwidth h &gt; 0. */
    public static Bandwidth fixed(Rational h) {
        if (h.signum() <= 0) {
            throw ParameterException.outside("h", "> 0", h);
        }
        return new Bandwidth(h);
    }

    /*@ public normal_behavior
      @ ensures \result.exact() == null;
      @*/
    /** Silverman's rule, per generation. */
    public static Bandwidth silverman() {
        return new Bandwidth(null);
    }

    /** The fixed h, or {@code null} for the rule. */
    public @Nullable Rational exact() {
        return fixed;
    }

    /*@ public normal_behavior
      @ requires data.length >= 2 || exact() != null;
      @ ensures \result > 0;
      @ ensures exact() != null ==> \result == (* exact() rounded to double *);
      @ ensures exact() == null ==> \result == (* 0.9·min(ŝ, IQR/1.34)·n^(−1/5), or the larger scale if one is 0 *);
      @ also public exceptional_behavior
      @ requires exact() == null && (* fewer than 2 points, or all points equal *);
      @ signals_only ArithmeticException;
      @*/
    /**
     * The bandwidth for this training set. If one of the two scales is 0 (e.g. more than half the points tied) the
     * other is used; if both are, no bandwidth exists and the data are degenerate.
     */
    public double choose(double[] data) {
        if (fixed != null) {
            return fixed.doubleValue();
        }
        int n = data.length;
        if (n < 2) {
            throw new ArithmeticException("Silverman's rule needs at least 2 points, got " + n);
        }
        double mean = 0;
        for (double x : data) {
            mean += x;
        }
        mean /= n;
        double ss = 0;
        for (double x : data) {
            ss += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double[] sorted = data.clone();
        Arrays.sort(sorted);
        double iqr = (quantile(sorted, 0.75) - quantile(sorted, 0.25)) / 1.34;
        double scale = Math.min(sd, iqr) > 0 ? Math.min(sd, iqr) : Math.max(sd, iqr);
        if (!(scale > 0)) {
            throw new ArithmeticException("Silverman's rule: all " + n + " training points are equal");
        }
        return 0.9 * scale * Math.pow(n, -0.2);
    }

    /** The q-quantile of sorted data by linear interpolation between order statistics (type 7 of Hyndman–Fan). */
    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        if (i < 0 || i >= sorted.length) {
            throw new IllegalArgumentException("quantile " + q + " outside the data");
        }
        double lower = sorted[i];
        double upper = i + 1 < sorted.length ? sorted[i + 1] : lower;
        return lower + (pos - i) * (upper - lower);
    }

    /** A one-line description for outputs. */
    public String describe() {
        return fixed != null ? "fixed h = " + fixed
                : "Silverman's rule h = 0.9 min(sd, IQR/1.34) n^(-1/5), per generation";
    }
}
