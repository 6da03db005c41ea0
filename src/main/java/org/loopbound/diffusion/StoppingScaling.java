package org.loopbound.diffusion;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.loopbound.arith.Rational;
import org.loopbound.param.ParameterException;
import org.loopbound.sim.ReplicateStreams;
import org.loopbound.stats.ArgminExponent;
import org.loopbound.stats.Experiment;
import org.loopbound.stats.MeanInterval;

/**
 * How the best training time τ of one diffusion model (generation 0, trained on N real samples) grows with N, the
 * measurement behind claim C4 [claim] and D2's [derived] prediction τ* ∝ N^(1/5): for every N of a list and every
 * replicate, one score-matching problem is built and the gradient flow is evaluated at every τ of a grid, the
 * closed form {@link GradientFlow} giving all τ from one eigendecomposition; the TV is estimated from model samples
 * drawn with the same evaluation stream for every τ (common random numbers, which sharpen the argmin). The best τ per
 * N is the argmin of the replicate mean TV, and its exponent in N is fitted with a bootstrap interval over the
 * replicates ({@link ArgminExponent}).
 *
 * <p>Task k runs size k / R with replicate k mod R. The sizes are independent: size N uses the seed
 * {@link ReplicateStreams#cellSeed}(seed, "N=" + N), replicate r its streams 2r (features, data, noise) and 2r + 1
 * (evaluation), so a replicate's randomness depends on (seed, N, r) only.
 */
public final class StoppingScaling implements Experiment<double[], StoppingScaling.Result> {

    /**
     * The measurement's configuration.
     *
     * @param settings the model, sampler and TV estimator
     * @param sizes the sample sizes N, in increasing order, at least two
     * @param taus the training times τ of the grid, in increasing order, at least three
     * @param replicates R ≥ 2 replicates per size
     * @param resamples B ≥ 1 bootstrap resamples
     * @param seed the seed
     */
    public record Config(DiffusionLoop.Settings settings, List<BigInteger> sizes, List<Rational> taus, int replicates,
                         int resamples, long seed) {

        /** Copies the lists and checks R ≥ 2 and B ≥ 1 (a {@link ParameterException}) and the list lengths. */
        public Config {
            if (replicates < 2) {
                throw ParameterException.outside("R", "≥ 2", replicates);
            }
            if (resamples < 1) {
                throw ParameterException.outside("B", "≥ 1", resamples);
            }
            sizes = List.copyOf(sizes);
            taus = List.copyOf(taus);
            if (sizes.size() < 2 || taus.size() < 3) {
                throw new IllegalArgumentException("a stopping-time scaling needs at least two sizes and three"
                        + " training times, got " + sizes.size() + " and " + taus.size());
            }
        }
    }

    /**
     * The measurement's statistics.
     *
     * @param tv the mean TV with its interval, indexed [size][τ]
     * @param fit the best τ per size and the fitted exponent with its bootstrap 95% interval
     */
    public record Result(List<List<MeanInterval>> tv, ArgminExponent.Fit fit) {
    }

    /** The level of the bootstrap interval. */
    public static final double CONFIDENCE = 0.95;

    private final Config config;

    private StoppingScaling(Config config) {
        this.config = config;
    }

    /**
     * The measurement of a configuration.
     *
     * @param config the configuration
     * @return the experiment
     */
    public static StoppingScaling of(Config config) {
        return new StoppingScaling(config);
    }

    @Override
    public int tasks() {
        return config.sizes().size() * config.replicates();
    }

    @Override
    public double[] task(int k) {
        int reps = config.replicates();
        BigInteger size = config.sizes().get(k / reps);
        int r = k % reps;
        long seed = ReplicateStreams.cellSeed(config.seed(), "N=" + size);
        DiffusionLoop.Settings s = config.settings();
        UniformRandomProvider rng = ReplicateStreams.forReplicate(seed, 2L * r);
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        RandomFeatures features = RandomFeatures.draw(s.width(), gaussian);
        int n = size.intValueExact();
        if (n < 1) {
            throw new IllegalStateException("a size N must be at least 1, got " + n);
        }
        double[] data = new double[n];
        for (int i = 0; i < data.length; i++) {
            data[i] = s.p0().sample(rng, gaussian);
        }
        ReverseSampler sampler = s.sampler();
        GradientFlow flow = new GradientFlow(ScoreMatching.build(features, data, s.noiseDraws(), sampler.horizon(),
                sampler.cutoff(), rng));
        double[] tv = new double[config.taus().size()];
        for (int t = 0; t < tv.length; t++) {
            UniformRandomProvider evalRng = ReplicateStreams.forReplicate(seed, 2L * r + 1);
            tv[t] = s.tv().estimate(sampler.sample(flow.score(config.taus().get(t).doubleValue()), evalRng,
                    s.evalSamples())).tv();
        }
        return tv;
    }

    @Override
    public Result analyse(List<double[]> results) {
        if (results.size() != tasks()) {
            throw new IllegalArgumentException("expected " + tasks() + " results, got " + results.size());
        }
        int reps = config.replicates();
        int sizes = config.sizes().size();
        double[][][] values = new double[sizes][][];
        List<List<MeanInterval>> tv = new ArrayList<>();
        for (int a = 0; a < values.length; a++) {
            List<double[]> runs = results.subList(a * reps, (a + 1) * reps);
            values[a] = runs.toArray(new double[0][]);
            List<MeanInterval> row = new ArrayList<>();
            for (int t = 0; t < config.taus().size(); t++) {
                int at = t;
                row.add(MeanInterval.of(runs.stream().mapToDouble(v -> at < v.length ? v[at] : Double.NaN)
                        .toArray(), 0.95));
            }
            tv.add(row);
        }
        double[] n = config.sizes().stream().mapToDouble(BigInteger::doubleValue).toArray();
        double[] grid = config.taus().stream().mapToDouble(Rational::doubleValue).toArray();
        return new Result(tv, ArgminExponent.fit(n, grid, values, config.resamples(), CONFIDENCE,
                ReplicateStreams.cellSeed(config.seed(), "bootstrap")));
    }
}
