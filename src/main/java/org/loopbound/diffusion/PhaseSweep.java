package org.loopbound.diffusion;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.loopbound.sim.AmountSweep;
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

        /** Copies the list of amounts. */
        public Config {
            synthetic = List.copyOf(synthetic);
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
    private final AmountSweep amounts;

    private PhaseSweep(Config config, AmountSweep amounts) {
        this.config = config;
        this.amounts = amounts;
    }

    /**
     * The sweep of a configuration: one expanding-synthetic schedule per amount.
     *
     * @param config the configuration
     * @return the experiment
     * @throws org.loopbound.param.ParameterException naming R when R &lt; 2, or r, s or i outside the scenario's
     *     domain
     * @throws IllegalArgumentException when there is no amount
     */
    public static PhaseSweep of(Config config) {
        return new PhaseSweep(config, AmountSweep.of(config.real(), config.synthetic(), config.generations(),
                config.replicates()));
    }

    @Override
    public int tasks() {
        return amounts.tasks();
    }

    @Override
    public List<DiffusionLoop.Generation> task(int k) {
        return DiffusionLoop.run(config.settings(), amounts.schedule(k), config.rule(), config.seed(),
                amounts.replicate(k));
    }

    @Override
    public Result analyse(List<List<DiffusionLoop.Generation>> runs) {
        List<List<MeanInterval>> tv = new ArrayList<>();
        for (List<List<DiffusionLoop.Generation>> amount : amounts.byAmount(runs)) {
            tv.add(MeanInterval.perPosition(amount, DiffusionLoop.Generation::tv, 0.95));
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
