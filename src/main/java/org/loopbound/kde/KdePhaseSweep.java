package org.loopbound.kde;

import java.math.BigInteger;
import java.util.List;
import org.loopbound.sim.AmountSweep;
import org.loopbound.stats.Experiment;

/**
 * The expanding-synthetic sweep of claim C3 [claim] with the KDE as the learner: r real samples per generation, the
 * synthetic amount s swept over a list, and per (s, replicate) the TV(p̂_i, p₀) of the last generation i (P2
 * [derived] bounds it by a curve that rises, then declines in s; whether the TV itself does is what the sweep
 * measures).
 *
 * <p>Task k runs the amount k / R with replicate k mod R; replicate r of every amount uses the streams (seed, r) of
 * {@link KdeLoop#run}.
 */
public final class KdePhaseSweep implements Experiment<Double, double[][]> {

    /**
     * The sweep's configuration.
     *
     * @param settings p₀, the bandwidth (fixed or a rule) and the check points
     * @param real r ≥ 1, the real samples per generation
     * @param synthetic the amounts s ≥ 0, in order, at least one
     * @param generation the generation i ≥ 1 whose TV is recorded
     * @param replicates R ≥ 2 replicates per amount
     * @param seed the seed
     */
    public record Config(KdeLoop.Settings settings, BigInteger real, List<BigInteger> synthetic, int generation,
                         int replicates, long seed) {

        /** Copies the list of amounts. */
        public Config {
            synthetic = List.copyOf(synthetic);
        }
    }

    private final Config config;
    private final AmountSweep amounts;

    private KdePhaseSweep(Config config, AmountSweep amounts) {
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
    public static KdePhaseSweep of(Config config) {
        return new KdePhaseSweep(config, AmountSweep.of(config.real(), config.synthetic(), config.generation(),
                config.replicates()));
    }

    @Override
    public int tasks() {
        return amounts.tasks();
    }

    @Override
    public Double task(int k) {
        List<KdeLoop.Generation> run = KdeLoop.run(config.settings(), amounts.schedule(k), config.seed(),
                amounts.replicate(k));
        return run.get(config.generation()).tv();
    }

    /**
     * The TVs by amount and replicate.
     *
     * @param results every task's TV, in task order
     * @return tv[a][r], the TV of generation i at amount a in replicate r
     * @throws IllegalArgumentException if there are not exactly {@link #tasks()} results
     */
    @Override
    public double[][] analyse(List<Double> results) {
        return amounts.byAmount(results).stream()
                .map(a -> a.stream().mapToDouble(Double::doubleValue).toArray())
                .toArray(double[][]::new);
    }
}
