package org.loopbound.diffusion;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.loopbound.param.ParameterException;

/**
 * The empirical denoising score-matching (DSM) loss of the random-feature network s(x, t) = (1/m) A φ(x, t) on n data
 * points, as a quadratic in the output weights A ∈ ℝ^(1×m) (spec/diffusion.md, §2).
 *
 * <p>Every data point x₀ gets c independent pairs (t, z): t log-uniform on [t_min, T] (t = t_min (T/t_min)^U, so every
 * scale of time is trained alike) and z ~ N(0, 1), giving x_t = e^(−t)x₀ + σ_t z, σ_t² = 1 − e^(−2t). With the usual
 * weighting σ_t² (Song et al. 2021), the loss over the M = c·n triples is
 * L(A) = (1/2M) Σ_i σ_{t_i}² (s(x_i, t_i) + z_i/σ_{t_i})² = (1/2M) Σ_i (A ψ_i + z_i)², ψ_i = σ_{t_i} φ(x_i, t_i)/m,
 * i.e. L(A) = ½ A G Aᵀ − A bᵀ + ½ c₀ with the feature Gram matrix G = (1/M) Σ ψ_i ψ_iᵀ (m × m, positive
 * semi-definite), b = −(1/M) Σ z_i ψ_iᵀ and c₀ = (1/M) Σ z_i². Its minimizer in expectation is the score of the
 * noised data distribution (Vincent 2011), which for a finite sample is the score of the noised empirical law.
 */
public final class ScoreMatching {

    private final RandomFeatures features;
    private final double[][] gram;
    private final double[] moment;
    private final double constant;
    private final long triples;

    private ScoreMatching(RandomFeatures features, double[][] gram, double[] moment, double constant, long triples) {
        this.features = features;
        this.gram = gram;
        this.moment = moment;
        this.constant = constant;
        this.triples = triples;
    }

    /*@ public normal_behavior
      @ requires data.length >= 1 && noiseDraws >= 1 && 0 < cutoff && cutoff < horizon;
      @ ensures \result.gram().length == features.width() && \result.triples() == data.length * noiseDraws;
      @ ensures (* G, b, c₀ as in the class comment, with (t, z) drawn from rng in data order *);
      @ also public exceptional_behavior
      @ requires data.length == 0 || noiseDraws < 1 || !(0 < cutoff && cutoff < horizon);
      @ signals_only IllegalArgumentException;
      @*/
    /** Draws the c (t, z) pairs per data point and accumulates G, b and c₀ (cost M·m²/2). */
    public static ScoreMatching build(RandomFeatures features, double[] data, int noiseDraws, double horizon,
                                      double cutoff, UniformRandomProvider rng) {
        if (data.length == 0) {
            throw new IllegalArgumentException("score matching needs at least one data point");
        }
        if (noiseDraws < 1) {
            throw ParameterException.outside("c_z", "≥ 1", noiseDraws);
        }
        if (!(horizon > 0)) {
            throw ParameterException.outside("T", "> 0", horizon);
        }
        if (!(cutoff > 0 && cutoff < horizon)) {
            throw ParameterException.outside("t₀", "in (0, T) = (0, " + horizon + ")", cutoff);
        }
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        int m = features.width();
        double[][] g = new double[m][m];
        double[] b = new double[m];
        double[] psi = new double[m];
        double c0 = 0;
        double logRatio = Math.log(horizon / cutoff);
        for (double x0 : data) {
            for (int r = 0; r < noiseDraws; r++) {
                double t = cutoff * Math.exp(logRatio * rng.nextDouble());
                double z = gaussian.sample();
                double sigma = Math.sqrt(-Math.expm1(-2 * t));
                features.features(Math.exp(-t) * x0 + sigma * z, t, psi);
                for (int k = 0; k < psi.length; k++) {
                    psi[k] *= sigma / m;
                }
                accumulate(g, b, psi, z);
                c0 += z * z;
            }
        }
        long mTriples = (long) data.length * noiseDraws;
        for (int k = 0; k < g.length; k++) {
            double[] gk = g[k];
            for (int l = 0; l <= k && l < gk.length; l++) {
                gk[l] /= mTriples;
            }
        }
        for (int k = 0; k < g.length; k++) {
            for (int l = k + 1; l < g.length; l++) {
                double[] gk = g[k];
                double[] gl = g[l];
                if (l < gk.length && k < gl.length) {
                    gk[l] = gl[k];
                }
            }
        }
        for (int k = 0; k < b.length; k++) {
            b[k] /= mTriples;
        }
        return new ScoreMatching(features, g, b, c0 / mTriples, mTriples);
    }

    /** G += ψψᵀ (lower triangle only), b −= z ψ. */
    private static void accumulate(double[][] g, double[] b, double[] psi, double z) {
        for (int k = 0; k < g.length && k < psi.length; k++) {
            double pk = psi[k];
            if (pk == 0) {
                continue;
            }
            double[] gk = g[k];
            for (int l = 0; l <= k && l < gk.length && l < psi.length; l++) {
                gk[l] += pk * psi[l];
            }
        }
        for (int k = 0; k < b.length && k < psi.length; k++) {
            b[k] -= z * psi[k];
        }
    }

    /** The frozen features. */
    public RandomFeatures features() {
        return features;
    }

    /*@ public normal_behavior
      @ ensures (* \result is a fresh copy of G *);
      @*/
    /** A copy of the feature Gram matrix G (m × m, symmetric). */
    public double[][] gram() {
        double[][] copy = new double[gram.length][];
        for (int k = 0; k < gram.length; k++) {
            copy[k] = gram[k].clone();
        }
        return copy;
    }

    /*@ public normal_behavior
      @ ensures (* \result is a fresh copy of b *);
      @*/
    /** A copy of the moment vector b = −(1/M) Σ z_i ψ_i. */
    public double[] moment() {
        return moment.clone();
    }

    /** The number M = c·n of (x₀, t, z) triples. */
    public long triples() {
        return triples;
    }

    /*@ public normal_behavior
      @ requires a.length == features().width();
      @ ensures \result == (* ½ a G aᵀ − a·b + ½ c₀ = L(a) ≥ 0 *);
      @*/
    /** The DSM loss L(a) = ½ aGaᵀ − a·b + ½c₀ for output weights a. */
    public double loss(double[] a) {
        if (a.length != moment.length || a.length != gram.length) {
            throw new IllegalArgumentException("weights have length " + a.length + ", width is " + moment.length);
        }
        double quad = 0;
        double lin = 0;
        for (int k = 0; k < a.length; k++) {
            double[] gk = gram[k];
            double row = 0;
            for (int l = 0; l < gk.length && l < a.length; l++) {
                row += gk[l] * a[l];
            }
            quad += a[k] * row;
            lin += a[k] * moment[k];
        }
        return 0.5 * quad - lin + 0.5 * constant;
    }
}
