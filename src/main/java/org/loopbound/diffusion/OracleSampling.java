package org.loopbound.diffusion;

import java.util.List;
import org.loopbound.sim.ReplicateStreams;
import org.loopbound.param.ParameterException;
import org.loopbound.stats.Experiment;
import org.loopbound.stats.MeanInterval;

/**
 * The sampler driven by the exact score of the noised mixture (an oracle network), replicated: the histogram TV
 * estimate of its output against p₀ with its interval, and the estimator's noise floor, the value an exact sampler
 * would show (D0 [imported]'s sampling term in isolation). Task r is replicate r, on the streams (seed, r).
 */
public final class OracleSampling implements Experiment<HistogramTv.Estimate, OracleSampling.Result> {

    /**
     * The check's configuration.
     *
     * @param p0 the data distribution, whose exact score drives the sampler
     * @param sampler the reverse sampler
     * @param estimator the histogram TV estimator
     * @param samples the samples per estimate
     * @param replicates R ≥ 2 replicates
     * @param seed the seed
     */
    public record Config(GaussianMixture p0, ReverseSampler sampler, HistogramTv estimator, int samples,
                         int replicates, long seed) {

        /** Checks R ≥ 2 ({@link ParameterException} naming R otherwise). */
        public Config {
            if (replicates < 2) {
                throw ParameterException.outside("R", "≥ 2", replicates);
            }
        }
    }

    /**
     * The check's statistics.
     *
     * @param estimates every replicate's estimate, in order
     * @param tv the mean TV estimate with its interval
     * @param noiseFloor the estimator's noise floor at this sample size
     */
    public record Result(List<HistogramTv.Estimate> estimates, MeanInterval tv, double noiseFloor) {
    }

    private final Config config;

    private OracleSampling(Config config) {
        this.config = config;
    }

    /**
     * The check of a configuration.
     *
     * @param config the configuration
     * @return the experiment
     */
    public static OracleSampling of(Config config) {
        return new OracleSampling(config);
    }

    @Override
    public int tasks() {
        return config.replicates();
    }

    @Override
    public HistogramTv.Estimate task(int r) {
        return config.estimator().estimate(config.sampler().sample(config.p0().score(),
                ReplicateStreams.forReplicate(config.seed(), r), config.samples()));
    }

    @Override
    public Result analyse(List<HistogramTv.Estimate> estimates) {
        if (estimates.size() != tasks()) {
            throw new IllegalArgumentException("expected " + tasks() + " estimates, got " + estimates.size());
        }
        double[] v = new double[estimates.size()];
        for (int r = 0; r < v.length; r++) {
            v[r] = estimates.get(r).tv();
        }
        return new Result(List.copyOf(estimates), MeanInterval.of(v, 0.95), estimates.get(0).noiseFloor());
    }
}
