package org.loopbound.bound;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Gaussian;
import org.loopbound.arith.Interval;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;

/**
 * K1 [derived] (theory.md §5): error propagation of a kernel density estimator in the loop. With
 * q_i = λ_i p₀ + (1−λ_i) p̂_{i−1} and kernel K_h,
 * p̂_i − p₀ = (p̂_i − K_h*q_i) + (K_h*p₀ − p₀) + (1−λ_i)·K_h*(p̂_{i−1} − p₀), hence
 * E TV(p̂_i, p₀) ≤ ½E‖p̂_i − K_h*q_i‖₁ + ½‖K_h*p₀ − p₀‖₁ + (1−λ_i)·E TV(p̂_{i−1}, p₀): the R2 recursion in
 * expectation with ε_i = sampling noise + smoothing bias, unrolled by R3.
 *
 * <p>Proved in Coq (Loopbound.KDE.K1_decomposition, K1_pointwise, K1_recursion, K1_unrolled) under named
 * hypotheses that are [imported], not proved here: the L1 contraction ‖K_h*f‖₁ ≤ ‖f‖₁ of convolution with a
 * probability kernel (Young's inequality), linearity of f ↦ K_h*f, the seminorm properties of ‖·‖₁, and
 * linearity, monotonicity and normalization of the expectation E (integrability is assumed, not modelled).
 * The sampling-noise terms ½E‖p̂_i − K_h*q_i‖₁ depend on the sample sizes and the density and are inputs here.
 */
public final class K1KdePropagation {

    private K1KdePropagation() {
    }

    /*@ public normal_behavior
      @ requires schedule.isPreviousGenerationOnly();
      @ requires noise.size() == schedule.generations() + 1;
      @ requires (* every noise_j ≥ 0 and bias is not certainly negative *);
      @ ensures \result.size() == noise.size();
      @ ensures (* \result[i] contains B_i = Σ_{j≤i} (Π_{k=j+1}^{i} (1−λ_k))·(noise_j + bias), the R3 bound with
      @            ε_j = noise_j + bias, so E TV(p̂_i, p₀) ≤ B_i under the hypotheses of K1 *);
      @ also public exceptional_behavior
      @ requires !schedule.isPreviousGenerationOnly() || noise.size() != schedule.generations() + 1
      @       || (* some noise_j < 0 or bias certainly < 0 *);
      @ signals_only IllegalArgumentException;
      @*/
    /**
     * The unrolled K1 bound on E TV(p̂_i, p₀) for every generation 0..i of a previous-generation schedule:
     * {@link R3UnrolledBound#recursion} with ε_j = noise_j + bias, where noise_j ≥ 0 bounds the sampling noise
     * ½E‖p̂_j − K_h*q_j‖₁ (exact, from the caller) and bias the smoothing bias ½‖K_h*p₀ − p₀‖₁ (for a Gaussian p₀
     * and kernel, {@link #gaussianSmoothingBias}). Generation 0 is the real-only fit (q_0 = p₀, λ_0 = 1). Exact
     * when the bias is.
     */
    public static List<Certified> bound(Schedule schedule, Certified bias, List<Rational> noise, Precision p) {
        if (!schedule.isPreviousGenerationOnly()) {
            throw new IllegalArgumentException("K1 is stated for q_i = λ_i p0 + (1−λ_i) p̂_(i−1): the schedule must"
                    + " draw synthetic data from the previous generation only");
        }
        if (noise.size() != schedule.generations() + 1) {
            throw new IllegalArgumentException("need sampling-noise terms for generations 0.." + schedule.generations()
                    + ", got " + noise.size());
        }
        if (bias.enclosure().hi().signum() < 0) {
            throw new IllegalArgumentException("the smoothing bias is a TV distance, ≥ 0; got " + bias.format(20));
        }
        List<Certified> eps = new ArrayList<>();
        for (int j = 0; j < noise.size(); j++) {
            Rational n = noise.get(j);
            if (n.signum() < 0) {
                throw new IllegalArgumentException("sampling-noise term " + j + " must be ≥ 0, got " + n);
            }
            eps.add(Certified.exact(n).add(bias, p));
        }
        return R3UnrolledBound.recursion(schedule, eps, p);
    }

    /*@ public normal_behavior
      @ requires variance > 0 && bandwidth > 0;
      @ ensures (* \result contains ½‖K_h*p₀ − p₀‖₁ = TV(N(μ, variance + bandwidth²), N(μ, variance)) for every μ *);
      @ also public exceptional_behavior
      @ requires variance <= 0 || bandwidth <= 0;
      @ signals_only IllegalArgumentException;
      @*/
    /**
     * The smoothing bias ½‖K_h*p₀ − p₀‖₁ of the Gaussian kernel K_h = N(0, h²) on p₀ = N(μ, σ²), i.e.
     * TV(N(μ, σ²+h²), N(μ, σ²)) (K_h*p₀ = N(μ, σ²+h²) by the Gaussian convolution identity); independent of μ.
     *
     * <p>Method (the explicit single-component case of {@link K2KdeExpectedDensity#tvScaleMixture}, computed
     * separately): with s² = σ² + h² the densities cross exactly at |x − μ| = c, c² = 2s²σ²/(s²−σ²)·ln(s/σ); the
     * narrower density is larger inside, so TV = P(|Z| ≤ c/σ) − P(|Z| ≤ c/s). In σ units, with v = s²/σ² = 1 + h²/σ²,
     * (c/σ)² = v·ln v/(v − 1) and (c/s)² = ln v/(v − 1). Both squares are enclosed in interval arithmetic (ln by
     * {@link Interval#ln}), and the two masses by {@link Gaussian#centralMass} on the resulting intervals, which
     * contain the exact crossing; so the difference of enclosures contains the TV. Working precision p + 2g + 40
     * with g = bitlength(⌊v/(v−1)⌋ + 1) (the TV is of the size of (v − 1)/v when h ≪ σ).
     */
    public static Interval gaussianSmoothingBias(Rational variance, Rational bandwidth, Precision p) {
        K2KdeExpectedDensity.requirePositive("σ²", variance);
        K2KdeExpectedDensity.requirePositive("h", bandwidth);
        Rational v = Rational.ONE.add(bandwidth.multiply(bandwidth).divide(variance));
        Rational excess = v.subtract(Rational.ONE);
        Rational inverse = v.divide(excess);
        int g = inverse.numerator().divide(inverse.denominator()).add(BigInteger.ONE).bitLength();
        Precision w = p.plus(2 * g + 40);
        Interval lnV = Interval.of(v, w).ln(w);
        Interval inner = lnV.divide(Interval.of(excess, w), w);
        Interval cOverSigma = inner.multiply(Interval.of(v, w), w).sqrt(w);
        Interval cOverS = inner.sqrt(w);
        return Gaussian.centralMass(cOverSigma, w).subtract(Gaussian.centralMass(cOverS, w), w).round(p);
    }
}
