package org.loopbound.diffusion;

import org.loopbound.param.ParameterException;
/**
 * The histogram estimator of TV(q, p₀) from n independent draws of an unknown q: with B equal bins on [lo, hi] and
 * the two tails (−∞, lo) and [hi, ∞) as two more cells c,
 * TV̂ = ½ Σ_c |n_c/n − P₀(c)|, where P₀(c) is the exact cell probability of p₀ (from its distribution function).
 *
 * <p>Bias and variance, stated so that readers can judge a value:
 * <ul>
 *   <li>Resolution bias (downward): TV̂'s mean is at least the TV between the binned laws, which is ≤ TV(q, p₀)
 *   (data processing); differences inside a bin are invisible.</li>
 *   <li>Sampling bias (upward): even for q = p₀, E TV̂ = ½ Σ_c E|n_c/n − P₀(c)| ≈ ½ Σ_c √(2P₀(c)(1−P₀(c))/(πn))
 *   (the mean absolute deviation of the normal approximation to the binomial) ≤ ½√(2(B+2)/(πn)). This is
 *   {@link Estimate#noiseFloor()}: values near it mean "indistinguishable from p₀ at this n and B".</li>
 *   <li>Variance: moving one draw changes TV̂ by at most 1/n, so by the Efron–Stein inequality
 *   Var TV̂ ≤ 1/(2n); the commands report the spread of independent replicates instead.</li>
 * </ul>
 */
public final class HistogramTv {

    private final double lo;
    private final double hi;
    private final int bins;
    private final double[] reference;
    private final double noiseFactor;

    /*@ public normal_behavior
      @ requires lo < hi && bins >= 1;
      @ ensures bins() == bins;
      @ also public exceptional_behavior
      @ requires !(lo < hi) || bins < 1;
      @ signals_only IllegalArgumentException;
      @*/
    /** The estimator against p₀ with {@code bins} equal bins on [lo, hi] plus the two tails. */
    public HistogramTv(GaussianMixture p0, double lo, double hi, int bins) {
        if (!(lo < hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("histogram range needs finite lo < hi, got [" + lo + ", " + hi + "]");
        }
        if (bins < 1 || bins > 1_000_000) {
            throw ParameterException.outside("B", "in [1, 1000000]", bins);
        }
        this.lo = lo;
        this.hi = hi;
        this.bins = bins;
        this.reference = new double[bins + 2];
        double previous = 0;
        for (int c = 0; c < reference.length; c++) {
            double edge = c == reference.length - 1 ? Double.POSITIVE_INFINITY : lo + (hi - lo) * c / bins;
            double at = c == reference.length - 1 ? 1 : p0.cdf(edge);
            reference[c] = Math.max(0, at - previous);
            previous = Math.max(previous, at);
        }
        double f = 0;
        for (double p : reference) {
            f += Math.sqrt(p * (1 - Math.min(1, p)));
        }
        this.noiseFactor = 0.5 * Math.sqrt(2 / Math.PI) * f;
    }

    /*@ public normal_behavior
      @ requires bins >= 1 && (* the range below is finite with lo < hi in double precision *);
      @ ensures (* the range is [min_k μ_k − 5σ_k, max_k μ_k + 5σ_k] *);
      @ also public exceptional_behavior
      @ requires (* that range is not finite, or so far out that its ends round to one double *);
      @ signals_only ParameterException;
      @*/
    /**
     * The estimator on [min_k μ_k − 5σ_k, max_k μ_k + 5σ_k], where p₀ has all but a 6·10^−7 tail of its mass.
     *
     * @throws ParameterException for p₀ when doubles cannot resolve that range (a mean near 10^300, say)
     */
    public static HistogramTv covering(GaussianMixture p0, int bins) {
        double lo = p0.lowerReach(5);
        double hi = p0.upperReach(5);
        if (!(lo < hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw ParameterException.violates("p₀", "must have a range [min μ − 5σ, max μ + 5σ] that doubles resolve,"
                    + " got [" + lo + ", " + hi + "]");
        }
        return new HistogramTv(p0, lo, hi, bins);
    }

    /** The number B of equal bins (the two tails come on top). */
    public int bins() {
        return bins;
    }

    /** One estimate and the noise floor that goes with its sample size. */
    public record Estimate(double tv, double noiseFloor) {
    }

    /*@ public normal_behavior
      @ requires samples.length >= 1;
      @ ensures \result.tv() == (* ½ Σ_c |n_c/n − P₀(c)| *) && 0 <= \result.tv() && \result.tv() <= 1;
      @ ensures \result.noiseFloor() == (* ½ Σ_c √(2P₀(c)(1−P₀(c))/(πn)) *);
      @ also public exceptional_behavior
      @ requires samples.length == 0;
      @ signals_only IllegalArgumentException;
      @*/
    /** TV̂ for these draws, with the noise floor for n = samples.length (class comment). */
    public Estimate estimate(double[] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("the TV estimate needs at least one sample");
        }
        long[] counts = new long[reference.length];
        double scale = bins / (hi - lo);
        for (double x : samples) {
            int c;
            if (!(x >= lo)) {
                c = 0;
            } else if (x >= hi) {
                c = counts.length - 1;
            } else {
                c = 1 + (int) Math.min(bins - 1, Math.floor((x - lo) * scale));
            }
            if (c >= 0 && c < counts.length) {
                counts[c]++;
            }
        }
        double n = samples.length;
        double sum = 0;
        for (int c = 0; c < counts.length && c < reference.length; c++) {
            sum += Math.abs(counts[c] / n - reference[c]);
        }
        return new Estimate(Math.min(1, 0.5 * sum), noiseFactor / Math.sqrt(n));
    }
}
