package org.loopbound.diffusion;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.checkerframework.checker.index.qual.NonNegative;
import org.loopbound.param.ParameterException;

/**
 * The frozen first layer of the score network of theory.md D0 [imported]: φ(x, t) = σ(W x + U e(t)) ∈ ℝ^m with ReLU σ,
 * W ∈ ℝ^(m×1) and U ∈ ℝ^(m×3) drawn once with independent N(0, 1) entries and never trained.
 *
 * <p>Time embedding e(t) = (1, e^(−t), e^(−2t)). Why: the Ornstein–Uhlenbeck marginal p_t has means e^(−t)μ_k and
 * variances e^(−2t)σ_k² + 1 − e^(−2t), affine in e^(−t) and e^(−2t), so its score is a smooth, bounded function of
 * (x, e^(−t), e^(−2t)) on all of t ≥ 0; the embedding is bounded (in [0, 1]³), injective in t, and its constant
 * coordinate gives every ReLU unit a random bias, so the kinks x = −(U e(t))_k / W_k are spread over the line.
 */
public final class RandomFeatures {

    /** Dimension of the time embedding e(t). */
    public static final int EMBEDDING = 3;

    private final Unit[] units;

    /** One hidden unit: its row W_k and its row U_k = (u0, u1, u2). */
    private record Unit(double w, double u0, double u1, double u2) {

        /** W_k x + U_k · e(t), with e1 = e^(−t) and e2 = e^(−2t). */
        double preActivation(double x, double e1, double e2) {
            return w * x + u0 + u1 * e1 + u2 * e2;
        }
    }

    private RandomFeatures(Unit[] units) {
        this.units = units;
    }

    /*@ public normal_behavior
      @ requires width >= 1;
      @ ensures \result.width() == width;
      @ ensures (* W, U have independent N(0,1) entries from gaussian, drawn in the order W_1..W_m, then U row by row *);
      @ also public exceptional_behavior
      @ requires width < 1;
      @ signals_only IllegalArgumentException;
      @*/
    /** Draws W and U (m·(1 + 3) normal variates, in a fixed order). */
    public static RandomFeatures draw(int width, ZigguratSampler.NormalizedGaussian gaussian) {
        if (width < 1 || width > 1_000_000) {
            throw ParameterException.outside("m", "in [1, 1000000]", width);
        }
        double[] w = new double[width];
        for (int k = 0; k < w.length; k++) {
            w[k] = gaussian.sample();
        }
        Unit[] units = new Unit[width];
        for (int k = 0; k < units.length && k < w.length; k++) {
            double u0 = gaussian.sample();
            double u1 = gaussian.sample();
            double u2 = gaussian.sample();
            units[k] = new Unit(w[k], u0, u1, u2);
        }
        return new RandomFeatures(units);
    }

    /** The width m. */
    public @NonNegative int width() {
        return units.length;
    }

    /*@ public normal_behavior
      @ requires out.length == width();
      @ ensures (\forall int k; 0 <= k && k < width(); out[k] == max(0, W_k x + U_k · e(t)));
      @*/
    /** Writes φ(x, t) = ReLU(W x + U e(t)) into {@code out} (length m). */
    public void features(double x, double t, double[] out) {
        if (out.length != units.length) {
            throw new IllegalArgumentException("feature buffer has length " + out.length + ", width is "
                    + units.length);
        }
        double e1 = Math.exp(-t);
        double e2 = e1 * e1;
        for (int k = 0; k < out.length; k++) {
            double z = units[k].preActivation(x, e1, e2);
            out[k] = z > 0 ? z : 0;
        }
    }

    /*@ public normal_behavior
      @ requires a.length == width();
      @ ensures \result == (* (1/m) Σ_k a_k φ_k(x, t) *);
      @*/
    /** The network output s(x, t) = (1/m) A φ(x, t) for the output weights A = a (length m), without allocating. */
    public double output(double[] a, double x, double t) {
        if (a.length != units.length) {
            throw new IllegalArgumentException("output weights have length " + a.length + ", width is "
                    + units.length);
        }
        double e1 = Math.exp(-t);
        double e2 = e1 * e1;
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            double z = units[k].preActivation(x, e1, e2);
            if (z > 0) {
                s += a[k] * z;
            }
        }
        return s / a.length;
    }
}
