package org.loopbound.kde;

import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Interval;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.bound.K2KdeExpectedDensity;
import org.loopbound.bound.Schedule;
import org.loopbound.diffusion.GaussianMixture;
import org.loopbound.param.ParameterException;
import org.loopbound.stats.MeanInterval;

/**
 * K2 [derived] as the oracle of the KDE loop. Where its hypotheses hold — p₀ = N(μ, σ²) (one component), a fixed
 * bandwidth h, generation 0 real-only, all synthetic data from the previous generation and one real proportion λ for
 * every generation j ≥ 1 (fully-synthetic, fixed-proportion, growing-size and expanding-synthetic; N_j may vary, the
 * mean does not depend on it) — the mean of the simulated KDE is exactly
 * E[p̂_i](x) = Σ_j w_{i,j} N(x; μ, σ² + (j+1)h²) with the exact weights of {@link K2KdeExpectedDensity#weights}, and
 * TV(E p̂_i, p₀) ≤ E TV(p̂_i, p₀) with the left side certified by {@link K2KdeExpectedDensity#tvToReal}.
 *
 * <p>Two checks follow. Density: at each (generation, point) the replicate mean of p̂_i(x) must cover E[p̂_i](x) with
 * a t interval at the Bonferroni-corrected level 1 − α/(number of checks), so that all checks hold together with
 * probability ≥ 1 − α when K2 and the simulator agree. TV: the upper end of the replicate interval for E TV must not
 * lie below the certified lower bound's lower end.
 */
public final class K2Oracle {

    private final Rational mean;
    private final Rational variance;
    private final Rational bandwidth;
    private final Rational lambda;

    private K2Oracle(Rational mean, Rational variance, Rational bandwidth, Rational lambda) {
        this.mean = mean;
        this.variance = variance;
        this.bandwidth = bandwidth;
        this.lambda = lambda;
    }

    /*@ public normal_behavior
      @ ensures \result != null <==> (* the hypotheses of the class comment hold *);
      @*/
    /** The oracle for this loop, or {@code null} when K2's hypotheses do not hold (see {@link #whyNot}). */
    public static @Nullable K2Oracle forLoop(GaussianMixture p0, Bandwidth h, Schedule schedule) {
        GaussianMixture.Exact e = p0.exact();
        Rational fixed = h.exact();
        if (whyNot(p0, h, schedule) != null || e == null || fixed == null) {
            return null;
        }
        Rational lam = schedule.lambda(Math.min(1, schedule.generations()));
        return new K2Oracle(e.means().get(0), e.variances().get(0), fixed, lam);
    }

    /*@ public normal_behavior
      @ ensures \result == null <==> (* the hypotheses of the class comment hold *);
      @*/
    /** Which hypothesis of K2 fails, as a phrase for outputs, or {@code null} when all hold. */
    public static @Nullable String whyNot(GaussianMixture p0, Bandwidth h, Schedule schedule) {
        GaussianMixture.Exact e = p0.exact();
        if (e == null || e.weights().size() != 1) {
            return "p0 is not a single Gaussian N(mu, sigma^2)";
        }
        if (h.exact() == null) {
            return "the bandwidth is not fixed";
        }
        if (!schedule.isPreviousGenerationOnly()) {
            return "synthetic data come from generations before the previous one";
        }
        for (int j = 2; j <= schedule.generations(); j++) {
            if (!schedule.lambda(j).equals(schedule.lambda(1))) {
                return "the real proportion lambda_j is not the same for every generation j >= 1";
            }
        }
        return null;
    }

    /** The constant real proportion λ (λ_1; irrelevant, and 1, when only generation 0 is run). */
    public Rational lambda() {
        return lambda;
    }

    /*@ public normal_behavior
      @ requires generation >= 0;
      @ ensures \result == (* Σ_j w_{i,j} N(x; μ, σ² + (j+1)h²), exact weights and variances rounded to double *);
      @*/
    /** E[p̂_i](x), evaluated in double from K2's exact weights and component variances. */
    public double expectedDensity(int generation, double x) {
        List<Rational> w = K2KdeExpectedDensity.weights(lambda, generation);
        List<Rational> v = K2KdeExpectedDensity.componentVariances(variance, bandwidth, generation);
        double mu = mean.doubleValue();
        double s = 0;
        for (int j = 0; j < w.size() && j < v.size(); j++) {
            double vj = v.get(j).doubleValue();
            double d = x - mu;
            s += w.get(j).doubleValue() * Math.exp(-0.5 * d * d / vj) / Math.sqrt(2 * Math.PI * vj);
        }
        return s;
    }

    /*@ public normal_behavior
      @ requires generation >= 0;
      @ ensures (* \result contains TV(E p̂_i, p₀), certified; \result.lo() ≤ E TV(p̂_i, p₀) *);
      @*/
    /** The certified enclosure of TV(E p̂_i, p₀), a lower bound on E TV(p̂_i, p₀) (Jensen). */
    public Interval tvLowerBound(int generation, Precision precision) {
        return K2KdeExpectedDensity.tvToReal(variance, bandwidth, lambda, generation, precision);
    }

    /**
     * One density check.
     *
     * @param generation i
     * @param x the point
     * @param simulated the replicate mean of p̂_i(x) with its Bonferroni-corrected interval
     * @param expected E[p̂_i](x) from K2
     * @param agrees whether the interval covers the expected value
     */
    public record DensityCheck(int generation, double x, MeanInterval simulated, double expected, boolean agrees) {
    }

    /**
     * One TV check.
     *
     * @param generation i
     * @param simulated the replicate mean of TV(p̂_i, p₀) with its interval
     * @param lowerBound the certified enclosure of TV(E p̂_i, p₀)
     * @param consistent whether the interval's upper end is at or above the bound's lower end
     */
    public record TvCheck(int generation, MeanInterval simulated, Interval lowerBound, boolean consistent) {
    }

    /*@ public normal_behavior
      @ requires replicates.size() >= 2 && 0 < confidence && confidence < 1;
      @ requires (* every replicate has the same generations and check points *);
      @ ensures \result.size() == (* generations × check points *);
      @*/
    /**
     * The density checks at every generation and check point, each at level 1 − (1 − confidence)/(number of checks)
     * (Bonferroni), so that with probability ≥ confidence all agree when the simulator is right.
     */
    public List<DensityCheck> densityChecks(List<List<KdeLoop.Generation>> replicates, double[] points,
                                            double confidence) {
        List<KdeLoop.Generation> first = firstOf(replicates);
        int checks = Math.max(1, first.size() * points.length);
        double level = 1 - (1 - confidence) / checks;
        List<DensityCheck> out = new ArrayList<>();
        for (int g = 0; g < first.size(); g++) {
            for (int k = 0; k < points.length; k++) {
                double[] values = new double[replicates.size()];
                for (int r = 0; r < values.length; r++) {
                    double[] d = replicates.get(r).get(g).density();
                    if (k >= d.length) {
                        throw new IllegalArgumentException("replicate " + r + " has no density at point " + k);
                    }
                    values[r] = d[k];
                }
                MeanInterval m = MeanInterval.of(values, level);
                double expected = expectedDensity(g, points[k]);
                out.add(new DensityCheck(g, points[k], m, expected, m.contains(expected)));
            }
        }
        return out;
    }

    /*@ public normal_behavior
      @ requires replicates.size() >= 2 && 0 < confidence && confidence < 1;
      @ ensures \result.size() == (* generations *);
      @*/
    /** The TV checks at every generation, each interval at level {@code confidence}. */
    public List<TvCheck> tvChecks(List<List<KdeLoop.Generation>> replicates, double confidence, Precision precision) {
        List<KdeLoop.Generation> first = firstOf(replicates);
        List<TvCheck> out = new ArrayList<>();
        for (int g = 0; g < first.size(); g++) {
            double[] values = new double[replicates.size()];
            for (int r = 0; r < values.length; r++) {
                values[r] = replicates.get(r).get(g).tv();
            }
            MeanInterval m = MeanInterval.of(values, confidence);
            Interval bound = tvLowerBound(g, precision);
            out.add(new TvCheck(g, m, bound, m.hi() >= bound.lo().doubleValue()));
        }
        return out;
    }

    private static List<KdeLoop.Generation> firstOf(List<List<KdeLoop.Generation>> replicates) {
        if (replicates.size() < 2) {
            throw ParameterException.outside("R", "≥ 2 for the K2 checks", replicates.size());
        }
        return replicates.get(0);
    }
}
