package org.loopbound.diffusion;

import org.loopbound.param.ParameterException;
/**
 * The gradient flow dA/dτ = −∇L(A) = b − A G of the DSM loss of {@link ScoreMatching}, started at A(0) = 0, solved in
 * closed form (spec/diffusion.md, §3): with G = V diag(λ) Vᵀ,
 * A(τ) = Σ_k (b·v_k)·f(λ_k, τ)·v_kᵀ, f(λ, τ) = (1 − e^(−λτ))/λ (and f(0, τ) = τ, its limit).
 * f is the spectral filter of early stopping: directions with λ_k τ ≫ 1 are fitted (f ≈ 1/λ_k, the least-squares
 * solution), those with λ_k τ ≪ 1 are barely moved (f ≈ τ). One decomposition serves every τ, so a sweep over τ costs
 * one O(m³) Jacobi decomposition and O(m²) per τ.
 *
 * <p>G is positive semi-definite; rounding may give eigenvalues slightly below 0, which are treated as 0 (f = τ), since
 * the exact flow cannot grow along any direction faster than linearly in τ.
 */
public final class GradientFlow {

    private final ScoreMatching problem;
    private final SymmetricEigen eigen;
    private final double[] projections;

    /*@ public normal_behavior
      @ ensures (* the decomposition of problem.gram() and the projections b·v_k are stored *);
      @*/
    /** Decomposes G once (Jacobi) and projects b on its eigenvectors. */
    public GradientFlow(ScoreMatching problem) {
        this.problem = problem;
        this.eigen = SymmetricEigen.of(problem.gram());
        double[] b = problem.moment();
        int m = eigen.size();
        this.projections = new double[m];
        for (int k = 0; k < projections.length; k++) {
            double s = 0;
            for (int i = 0; i < b.length && i < m; i++) {
                s += b[i] * eigen.vector(i, k);
            }
            projections[k] = s;
        }
    }

    /** The problem this flow minimizes. */
    public ScoreMatching problem() {
        return problem;
    }

    /*@ public normal_behavior
      @ requires lambda >= 0 && tau >= 0;
      @ ensures \result == (lambda == 0 ? tau : (1 − e^(−lambda·tau))/lambda);
      @*/
    /** The filter f(λ, τ) = (1 − e^(−λτ))/λ, f(0, τ) = τ; negative λ (rounding of a PSD matrix) is taken as 0. */
    public static double filter(double lambda, double tau) {
        if (!(tau >= 0)) {
            throw ParameterException.outside("τ", "≥ 0", tau);
        }
        if (lambda <= 0) {
            return tau;
        }
        double x = lambda * tau;
        return x < 1e-12 ? tau * (1 - 0.5 * x) : -Math.expm1(-x) / lambda;
    }

    /*@ public normal_behavior
      @ requires tau >= 0;
      @ ensures \result.length == problem().features().width();
      @ ensures (* \result == A(τ) = Σ_k (b·v_k) f(λ_k, τ) v_k, the exact flow from A(0) = 0 up to rounding *);
      @*/
    /** The output weights A(τ) after training time τ ≥ 0. */
    public double[] weights(double tau) {
        int m = eigen.size();
        double[] a = new double[m];
        for (int k = 0; k < projections.length; k++) {
            double c = projections[k] * filter(eigen.value(k), tau);
            if (c == 0) {
                continue;
            }
            for (int i = 0; i < a.length; i++) {
                a[i] += c * eigen.vector(i, k);
            }
        }
        return a;
    }

    /*@ public normal_behavior
      @ requires tau >= 0;
      @ ensures (* \result.score(x, t) == (1/m) A(τ) φ(x, t) *);
      @*/
    /** The trained score network s(x, t) = (1/m) A(τ) φ(x, t). */
    public ScoreFunction score(double tau) {
        double[] a = weights(tau);
        RandomFeatures f = problem.features();
        return (x, t) -> f.output(a, x, t);
    }
}
