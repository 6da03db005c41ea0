package org.loopbound.kde;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Precision;
import org.loopbound.bound.Schedule;
import org.loopbound.param.ParameterException;
import org.loopbound.stats.Experiment;
import org.loopbound.stats.MeanInterval;

/**
 * The KDE loop of claim C5 [claim], replicated: per generation the mean TV(p̂_i, p₀) with its interval and, where
 * K2 [derived] applies (a single Gaussian p₀, a fixed bandwidth, a constant proportion of real data), the checks of
 * the mean density against K2's exact E[p̂_i] (Bonferroni intervals) and of the mean TV against K2's certified lower
 * bound TV(E p̂_i, p₀). Task r is replicate r.
 */
public final class KdeLoopExperiment implements Experiment<List<KdeLoop.Generation>, KdeLoopExperiment.Result> {

    /** The joint confidence level of the checks and the level of the TV intervals. */
    public static final double LEVEL = 0.95;

    /**
     * The experiment's configuration.
     *
     * @param settings the data distribution, the bandwidth rule and the density check points
     * @param schedule the scenario's schedule
     * @param replicates R ≥ 2 replicates
     * @param seed the seed
     * @param precision the working precision of K2's certified lower bound
     */
    public record Config(KdeLoop.Settings settings, Schedule schedule, int replicates, long seed,
                         Precision precision) {

        /** Checks R ≥ 2 ({@link ParameterException} naming R otherwise). */
        public Config {
            if (replicates < 2) {
                throw ParameterException.outside("R", "≥ 2", replicates);
            }
        }
    }

    /**
     * The experiment's statistics.
     *
     * @param runs every replicate's run, in order
     * @param tv the mean TV per generation with its interval
     * @param k2NotApplicable why K2 does not apply, or null when it does
     * @param densityChecks the density checks (empty when K2 does not apply)
     * @param tvChecks the lower-bound checks, one per generation (empty when K2 does not apply)
     */
    public record Result(List<List<KdeLoop.Generation>> runs, List<MeanInterval> tv, @Nullable String k2NotApplicable,
                         List<K2Oracle.DensityCheck> densityChecks, List<K2Oracle.TvCheck> tvChecks) {

        /**
         * Whether every K2 check passed.
         *
         * @return true when K2 applies and every density and lower-bound check agrees; false otherwise
         */
        public boolean k2AllChecksPass() {
            return k2NotApplicable == null && densityChecks.stream().allMatch(K2Oracle.DensityCheck::agrees)
                    && tvChecks.stream().allMatch(K2Oracle.TvCheck::consistent);
        }
    }

    private final Config config;

    private KdeLoopExperiment(Config config) {
        this.config = config;
    }

    /**
     * The experiment of a configuration.
     *
     * @param config the configuration
     * @return the experiment
     */
    public static KdeLoopExperiment of(Config config) {
        return new KdeLoopExperiment(config);
    }

    @Override
    public int tasks() {
        return config.replicates();
    }

    @Override
    public List<KdeLoop.Generation> task(int r) {
        return KdeLoop.run(config.settings(), config.schedule(), config.seed(), r);
    }

    @Override
    public Result analyse(List<List<KdeLoop.Generation>> runs) {
        if (runs.size() != tasks()) {
            throw new IllegalArgumentException("expected " + tasks() + " runs, got " + runs.size());
        }
        KdeLoop.Settings s = config.settings();
        K2Oracle oracle = K2Oracle.forLoop(s.p0(), s.bandwidth(), config.schedule());
        String why = K2Oracle.whyNot(s.p0(), s.bandwidth(), config.schedule());
        List<K2Oracle.DensityCheck> dc = oracle == null ? List.of()
                : oracle.densityChecks(runs, s.checkPoints(), LEVEL);
        List<K2Oracle.TvCheck> tc = oracle == null ? List.of() : oracle.tvChecks(runs, LEVEL, config.precision());
        return new Result(List.copyOf(runs), MeanInterval.perPosition(runs, KdeLoop.Generation::tv, LEVEL), why, dc,
                tc);
    }
}
