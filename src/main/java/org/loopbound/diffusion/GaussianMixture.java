package org.loopbound.diffusion;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Rational;
import org.loopbound.param.ParameterException;

/**
 * A one-dimensional Gaussian mixture p₀ = Σ_k w_k N(μ_k, σ_k²), given exactly (weights summing to exactly 1, variances
 * &gt; 0) and evaluated in double precision: this is the data distribution of the simulators, not a certified object.
 *
 * <p>Under the Ornstein–Uhlenbeck forward process dx = −x dt + √2 dW started at x₀ ~ p₀, x_t = e^(−t)x₀ + σ_t Z with
 * σ_t² = 1 − e^(−2t), so the marginal p_t is again a mixture with the same weights, means e^(−t)μ_k and variances
 * e^(−2t)σ_k² + σ_t² (every variance lies between min(σ_k², 1) and max(σ_k², 1), so the score is bounded on compacts
 * for every t ≥ 0). {@link #marginal(double)} returns it and {@link #score()} is its exact score.
 */
public final class GaussianMixture {

    private static final double LOG_SQRT_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private final String spec;
    private final @Nullable Exact exact;
    private final Component[] components;
    private final double totalWeight;

    /** One component with its derived constants: σ, log(w/√(2πσ²)) and the cumulative weight up to it. */
    private record Component(double weight, double mean, double variance, double sd, double logWeightNorm,
                             double cumulative) {
    }

    /**
     * The exact parameters a mixture was given with (absent for derived mixtures such as {@link #marginal}).
     *
     * @param weights w_k, summing to exactly 1
     * @param means μ_k
     * @param variances σ_k² &gt; 0
     */
    public record Exact(List<Rational> weights, List<Rational> means, List<Rational> variances) {
    }

    private GaussianMixture(String spec, @Nullable Exact exact, double[] weight, double[] mean, double[] variance) {
        if (weight.length == 0 || mean.length != weight.length || variance.length != weight.length) {
            throw new IllegalArgumentException("a mixture needs one mean and one variance per weight");
        }
        this.spec = spec;
        this.exact = exact;
        this.components = new Component[weight.length];
        double c = 0;
        for (int k = 0; k < components.length && k < mean.length && k < variance.length; k++) {
            double v = variance[k];
            if (!(v > 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException("mixture variances must be finite and > 0, got " + v);
            }
            c += weight[k];
            double logWeightNorm = weight[k] > 0 ? Math.log(weight[k]) - LOG_SQRT_TWO_PI - 0.5 * Math.log(v)
                    : Double.NEGATIVE_INFINITY;
            components[k] = new Component(weight[k], mean[k], v, Math.sqrt(v), logWeightNorm, c);
        }
        this.totalWeight = c;
    }

    /*@ public normal_behavior
      @ requires weights.size() >= 1 && weights.size() == means.size() && means.size() == variances.size();
      @ requires (* every weight ≥ 0, Σ weights == 1 exactly, every variance > 0 *);
      @ ensures \result.components() == weights.size();
      @ also public exceptional_behavior
      @ requires (* sizes differ or are 0, a weight < 0, Σ weights ≠ 1, or a variance ≤ 0 *);
      @ signals_only IllegalArgumentException;
      @*/
    /**
     * The mixture Σ_k w_k N(μ_k, σ_k²) from exact parameters; the domain is checked exactly (Σ w_k = 1 as rationals),
     * then every parameter is rounded once to the nearest double.
     */
    public static GaussianMixture of(List<Rational> weights, List<Rational> means, List<Rational> variances) {
        int k = weights.size();
        if (k == 0 || means.size() != k || variances.size() != k) {
            throw ParameterException.violates("p₀", "needs one mean and one variance per weight, and at least one"
                    + " component");
        }
        Rational total = Rational.ZERO;
        double[] w = new double[k];
        double[] mu = new double[k];
        double[] v = new double[k];
        StringBuilder s = new StringBuilder();
        for (int j = 0; j < w.length && j < mu.length && j < v.length; j++) {
            Rational wj = weights.get(j);
            Rational vj = variances.get(j);
            if (wj.signum() < 0) {
                throw ParameterException.violates("p₀", "weights must be ≥ 0, got " + ParameterException.cut(wj));
            }
            if (vj.signum() <= 0) {
                throw ParameterException.violates("p₀", "variances must be > 0, got " + ParameterException.cut(vj));
            }
            total = total.add(wj);
            w[j] = wj.doubleValue();
            mu[j] = means.get(j).doubleValue();
            v[j] = vj.doubleValue();
            if (!Double.isFinite(mu[j]) || !Double.isFinite(v[j]) || !(v[j] > 0)) {
                throw ParameterException.violates("p₀", "means and variances must lie within the range of doubles, got "
                        + ParameterException.cut(means.get(j)) + " and " + ParameterException.cut(vj));
            }
            s.append(j == 0 ? "" : ",").append(wj).append(':').append(means.get(j)).append(':').append(vj);
        }
        if (!total.equals(Rational.ONE)) {
            throw ParameterException.violates("p₀", "weights must sum to exactly 1, they sum to "
                    + ParameterException.cut(total));
        }
        return new GaussianMixture(s.toString(), new Exact(List.copyOf(weights), List.copyOf(means),
                List.copyOf(variances)), w, mu, v);
    }

    /*@ public normal_behavior
      @ requires (* text is w:mean:variance[,w:mean:variance…] with exact numbers, Σ w == 1, variances > 0 *);
      @ ensures (* \result is that mixture *);
      @ also public exceptional_behavior
      @ requires (* text is malformed or a parameter is outside its domain *);
      @ signals_only IllegalArgumentException;
      @*/
    /** Parses p₀: components {@code w:mean:variance} separated by commas, e.g. {@code 1/2:-2:1/4,1/2:2:1/4}. */
    public static GaussianMixture parse(String text) {
        List<Rational> w = new ArrayList<>();
        List<Rational> mu = new ArrayList<>();
        List<Rational> v = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String[] f = part.trim().split(":", -1);
            if (f.length != 3) {
                throw ParameterException.outside("p₀", "components weight:mean:variance separated by commas (e.g."
                        + " 1/2:-2:1/4,1/2:2:1/4)", "'" + text + "'");
            }
            w.add(number(f[0], "weight"));
            mu.add(number(f[1], "mean"));
            v.add(number(f[2], "variance"));
        }
        return of(w, mu, v);
    }

    private static Rational number(String text, String what) {
        try {
            return Rational.parse(text.trim());
        } catch (NumberFormatException e) {
            throw ParameterException.violates("p₀", what + " must be an exact number, got '"
                    + ParameterException.cut(text.trim()) + "'");
        }
    }

    /** The exact specification (canonical {@code w:mean:variance} list), for outputs. */
    public String spec() {
        return spec;
    }

    /** The exact parameters, or {@code null} for a derived mixture ({@link #marginal}). */
    public @Nullable Exact exact() {
        return exact;
    }

    /*@ public normal_behavior
      @ ensures \result >= 1;
      @*/
    /** The number of components. */
    public int components() {
        return components.length;
    }

    /*@ public normal_behavior
      @ requires 0 <= k && k < components();
      @ ensures \result == (* w_k *);
      @*/
    /** w_k (rounded to double). */
    public double weight(int k) {
        return component(k).weight();
    }

    /*@ public normal_behavior
      @ requires 0 <= k && k < components();
      @ ensures \result == (* μ_k *);
      @*/
    /** μ_k (rounded to double). */
    public double mean(int k) {
        return component(k).mean();
    }

    /*@ public normal_behavior
      @ requires 0 <= k && k < components();
      @ ensures \result == (* σ_k² *);
      @*/
    /** σ_k² (rounded to double). */
    public double variance(int k) {
        return component(k).variance();
    }

    private Component component(int k) {
        if (k < 0 || k >= components.length) {
            throw new IndexOutOfBoundsException("component " + k + " of " + components.length);
        }
        return components[k];
    }

    /*@ public normal_behavior
      @ requires t >= 0;
      @ ensures (* \result is p_t: weights w_k, means e^(−t)μ_k, variances e^(−2t)σ_k² + 1 − e^(−2t) *);
      @*/
    /** The Ornstein–Uhlenbeck marginal p_t (class comment); {@code marginal(0)} has the parameters of p₀. */
    public GaussianMixture marginal(double t) {
        if (!(t >= 0) || !Double.isFinite(t)) {
            throw new IllegalArgumentException("time t must be finite and >= 0, got " + t);
        }
        double decay = Math.exp(-t);
        double noise = -Math.expm1(-2 * t);
        int n = components.length;
        double[] w = new double[n];
        double[] mu = new double[n];
        double[] v = new double[n];
        for (int k = 0; k < n && k < w.length && k < mu.length && k < v.length; k++) {
            Component c = components[k];
            w[k] = c.weight();
            mu[k] = decay * c.mean();
            v[k] = decay * decay * c.variance() + noise;
        }
        return new GaussianMixture(spec + " at OU time " + t, null, w, mu, v);
    }

    /*@ public normal_behavior
      @ ensures \result == (* log p(x) *);
      @*/
    /** log p(x), by log-sum-exp over the components (finite wherever the double exponent range allows). */
    public double logDensity(double x) {
        double max = Double.NEGATIVE_INFINITY;
        for (Component c : components) {
            max = Math.max(max, logTerm(c, x));
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (Component c : components) {
            sum += Math.exp(logTerm(c, x) - max);
        }
        return max + Math.log(sum);
    }

    private static double logTerm(Component c, double x) {
        double d = x - c.mean();
        return c.logWeightNorm() - 0.5 * d * d / c.variance();
    }

    /*@ public normal_behavior
      @ ensures \result == (* p(x) = Σ_k w_k φ((x − μ_k)/σ_k)/σ_k *) && \result >= 0;
      @*/
    /** p(x). */
    public double density(double x) {
        return Math.exp(logDensity(x));
    }

    /*@ public normal_behavior
      @ ensures (* \result.score(x, t) == d/dx log p_t(x) for every x and t ≥ 0 *);
      @*/
    /**
     * The exact score of the noised data, (x, t) ↦ d/dx log p_t(x): the oracle of the reverse samplers. Evaluated
     * without building p_t (the means and variances of p_t are formed on the fly).
     */
    public ScoreFunction score() {
        Component[] cs = components;
        return (x, t) -> {
            double decay = Math.exp(-t);
            double noise = -Math.expm1(-2 * t);
            double max = Double.NEGATIVE_INFINITY;
            for (Component c : cs) {
                double v = decay * decay * c.variance() + noise;
                double d = x - decay * c.mean();
                max = Math.max(max, Math.log(c.weight()) - 0.5 * Math.log(v) - 0.5 * d * d / v);
            }
            double num = 0;
            double den = 0;
            for (Component c : cs) {
                if (c.weight() > 0) {
                    double v = decay * decay * c.variance() + noise;
                    double d = x - decay * c.mean();
                    double r = Math.exp(Math.log(c.weight()) - 0.5 * Math.log(v) - 0.5 * d * d / v - max);
                    num -= r * d / v;
                    den += r;
                }
            }
            return num / den;
        };
    }

    /*@ public normal_behavior
      @ ensures \result == (* P(X ≤ x) = Σ_k w_k Φ((x − μ_k)/σ_k) *);
      @*/
    /** The distribution function P(X ≤ x) (commons-statistics normal CDFs, double precision). */
    public double cdf(double x) {
        double c = 0;
        for (Component k : components) {
            c += k.weight() * NormalDistribution.of(k.mean(), k.sd()).cumulativeProbability(x);
        }
        return Math.min(1, Math.max(0, c));
    }

    /*@ public normal_behavior
      @ ensures (* \result is one draw of p: a component k with probability w_k, then μ_k + σ_k·Z *);
      @*/
    /** One draw: the component by inversion of one uniform, then μ_k + σ_k Z with Z from {@code gaussian}. */
    public double sample(UniformRandomProvider rng, ZigguratSampler.NormalizedGaussian gaussian) {
        double u = rng.nextDouble() * totalWeight;
        @Nullable Component pick = null;
        for (Component c : components) {
            if (c.weight() > 0) {
                pick = c;
                if (u < c.cumulative()) {
                    break;
                }
            }
        }
        if (pick == null) {
            throw new IllegalStateException("no mixture component has positive weight");
        }
        return pick.mean() + pick.sd() * gaussian.sample();
    }

    /*@ public normal_behavior
      @ ensures (* \result == min_k (μ_k − width·σ_k) *);
      @*/
    /** min_k (μ_k − width·σ_k): a lower end of the region that holds all but a Gaussian tail of the mass. */
    public double lowerReach(double width) {
        double lo = Double.POSITIVE_INFINITY;
        for (Component c : components) {
            lo = Math.min(lo, c.mean() - width * c.sd());
        }
        return lo;
    }

    /*@ public normal_behavior
      @ ensures \result == (* max_k (μ_k + width·σ_k) *);
      @*/
    /** max_k (μ_k + width·σ_k). */
    public double upperReach(double width) {
        double hi = Double.NEGATIVE_INFINITY;
        for (Component c : components) {
            hi = Math.max(hi, c.mean() + width * c.sd());
        }
        return hi;
    }

    /*@ public normal_behavior
      @ ensures \result == (* min_k σ_k *) && \result > 0;
      @*/
    /** The narrowest component's standard deviation min_k σ_k (sets the resolution of grids). */
    public double smallestSd() {
        double s = Double.POSITIVE_INFINITY;
        for (Component c : components) {
            s = Math.min(s, c.sd());
        }
        return s;
    }
}
