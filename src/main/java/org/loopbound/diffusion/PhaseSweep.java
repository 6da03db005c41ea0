package org.loopbound.diffusion;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.loopbound.bound.Scenario;
import org.loopbound.bound.ScenarioArguments;
import org.loopbound.bound.ScenarioParameter;
import org.loopbound.bound.Schedule;
import org.loopbound.param.ParameterException;
import org.loopbound.stats.Experiment;
import org.loopbound.stats.Extremum;
import org.loopbound.stats.MeanInterval;

/**
 * The expanding-synthetic sweep of claim C3 [claim] in the diffusion loop: r real samples per generation, the
 * synthetic amount s swept over a list; per (s, generation) the mean TV(p̂_i, p₀) with its interval, and per
 * generation the s of the largest mean (P2 [derived] predicts a rise, then a decline in s).
 *
 * <p>Task k runs the amount k / R with replicate k mod R.
 */
public final class PhaseSweep implements Experiment<List<DiffusionLoop.Generation>, PhaseSweep.Result> {

    /**
     * The sweep's configuration.
     *
     * @param settings the model, sampler and TV estimator
     * @param real r ≥ 1, the real samples per generation
     * @param synthetic the amounts s ≥ 0, in order, at least one
     * @param generations the last generation i ≥ 1
     * @param rule the stopping rule of every generation
     * @param replicates R ≥ 2 replicates per amount
     * @param seed the seed; replicate r of every amount uses the streams (seed, r)
     */
    public record Config(DiffusionLoop.Settings settings, BigInteger real, List<BigInteger> synthetic,
                         int generations, StoppingRule rule, int replicates, long seed) {

        /** Copies the list of amounts and checks R ≥ 2 ({@link ParameterException} naming R otherwise). */
        public Config {
            if (replicates < 2) {
                throw ParameterException.outside("R", "≥ 2", replicates);
            }
            synthetic = List.copyOf(synthetic);
            if (synthetic.isEmpty()) {
                throw new IllegalArgumentException("a phase sweep needs at least one synthetic amount");
            }
        }
    }

    /**
     * The sweep's statistics.
     *
     * @param runs every task's replicate run, in task order
     * @param tv the mean TV with its interval, indexed [amount][generation]
     * @param peaks per generation, the index of the amount with the largest mean TV (first argmax)
     */
    public record Result(List<List<DiffusionLoop.Generation>> runs, List<List<MeanInterval>> tv, List<Integer> peaks) {
    }

    private final Config config;
    private final List<Schedule> schedules;

    private PhaseSweep(Config config, List<Schedule> schedules) {
        this.config = config;
        this.schedules = schedules;
    }

    /**
     * The sweep of a configuration: one expanding-synthetic schedule per amount.
     *
     * @param config the configuration
     * @return the experiment
     */
    public static PhaseSweep of(Config config) {
        return new PhaseSweep(config, schedules(config.real(), config.synthetic(), config.generations()));
    }

    /**
     * The expanding-synthetic schedules of a sweep over the synthetic amount (shared by every learner's sweep).
     *
     * @param real r ≥ 1, the real samples per generation
     * @param synthetic the amounts s ≥ 0, in order
     * @param generations the last generation i ≥ 1
     * @return one schedule per amount, in order
     * @throws org.loopbound.param.ParameterException if r, s or i is outside the scenario's domain
     */
    public static List<Schedule> schedules(BigInteger real, List<BigInteger> synthetic, int generations) {
        List<Schedule> schedules = new ArrayList<>();
        for (BigInteger s : synthetic) {
            schedules.add(Scenario.EXPANDING_SYNTHETIC.schedule(ScenarioArguments.of(generations)
                    .with(ScenarioParameter.REAL, real).with(ScenarioParameter.SYNTHETIC, s)));
        }
        return List.copyOf(schedules);
    }

    @Override
    public int tasks() {
        return config.synthetic().size() * config.replicates();
    }

    @Override
    public List<DiffusionLoop.Generation> task(int k) {
        return DiffusionLoop.run(config.settings(), schedules.get(k / config.replicates()), config.rule(),
                config.seed(), k % config.replicates());
    }

    @Override
    public Result analyse(List<List<DiffusionLoop.Generation>> runs) {
        if (runs.size() != tasks()) {
            throw new IllegalArgumentException("expected " + tasks() + " runs, got " + runs.size());
        }
        int reps = config.replicates();
        List<List<MeanInterval>> tv = new ArrayList<>();
        for (int a = 0; a < config.synthetic().size(); a++) {
            tv.add(MeanInterval.perPosition(runs.subList(a * reps, (a + 1) * reps), DiffusionLoop.Generation::tv,
                    0.95));
        }
        List<Integer> peaks = new ArrayList<>();
        for (int g = 0; g <= config.generations(); g++) {
            List<MeanInterval> column = new ArrayList<>();
            for (List<MeanInterval> row : tv) {
                column.add(row.get(g));
            }
            peaks.add(Extremum.argMaxMean(column));
        }
        return new Result(List.copyOf(runs), tv, peaks);
    }
}
