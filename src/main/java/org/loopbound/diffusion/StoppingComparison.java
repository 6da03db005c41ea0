package org.loopbound.diffusion;

import java.util.List;
import org.loopbound.bound.Schedule;
import org.loopbound.param.ParameterException;
import org.loopbound.stats.Experiment;
import org.loopbound.stats.MeanInterval;

/**
 * A fixed training time against the per-generation D2 [derived] rule τ_j = c (m N_j/4)^(1/5) over the generations of
 * one scenario (D1 [derived], claim C4 [claim]), on common random numbers: replicate r of both policies uses the
 * same streams. Task k runs policy k / R (0 the fixed τ, 1 the D2 rule) with replicate k mod R.
 */
public final class StoppingComparison implements Experiment<List<DiffusionLoop.Generation>,
        StoppingComparison.Result> {

    /**
     * The comparison's configuration.
     *
     * @param settings the model, sampler and TV estimator
     * @param schedule the scenario's schedule
     * @param fixed the fixed-τ policy
     * @param d2 the per-generation policy
     * @param replicates R ≥ 2 replicates per policy
     * @param seed the seed
     */
    public record Config(DiffusionLoop.Settings settings, Schedule schedule, StoppingRule fixed, StoppingRule d2,
                         int replicates, long seed) {

        /** Checks R ≥ 2 ({@link ParameterException} naming R otherwise). */
        public Config {
            if (replicates < 2) {
                throw ParameterException.outside("R", "≥ 2", replicates);
            }
        }
    }

    /**
     * The comparison's statistics.
     *
     * @param runs every task's replicate run, in task order (the fixed policy's R runs first)
     * @param fixed the mean TV per generation under the fixed τ
     * @param d2 the mean TV per generation under the D2 rule
     */
    public record Result(List<List<DiffusionLoop.Generation>> runs, List<MeanInterval> fixed, List<MeanInterval> d2) {
    }

    private final Config config;

    private StoppingComparison(Config config) {
        this.config = config;
    }

    /**
     * The comparison of a configuration.
     *
     * @param config the configuration
     * @return the experiment
     */
    public static StoppingComparison of(Config config) {
        return new StoppingComparison(config);
    }

    @Override
    public int tasks() {
        return 2 * config.replicates();
    }

    @Override
    public List<DiffusionLoop.Generation> task(int k) {
        int reps = config.replicates();
        return DiffusionLoop.run(config.settings(), config.schedule(), k < reps ? config.fixed() : config.d2(),
                config.seed(), k % reps);
    }

    @Override
    public Result analyse(List<List<DiffusionLoop.Generation>> runs) {
        if (runs.size() != tasks()) {
            throw new IllegalArgumentException("expected " + tasks() + " runs, got " + runs.size());
        }
        int reps = config.replicates();
        return new Result(List.copyOf(runs),
                MeanInterval.perPosition(runs.subList(0, reps), DiffusionLoop.Generation::tv, 0.95),
                MeanInterval.perPosition(runs.subList(reps, 2 * reps), DiffusionLoop.Generation::tv, 0.95));
    }
}
