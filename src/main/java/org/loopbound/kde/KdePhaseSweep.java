package org.loopbound.kde;

import java.math.BigInteger;
import java.util.List;
import org.loopbound.bound.Schedule;
import org.loopbound.diffusion.PhaseSweep;
import org.loopbound.param.ParameterException;
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

    private final Config config;
    private final List<Schedule> schedules;

    private KdePhaseSweep(Config config, List<Schedule> schedules) {
        this.config = config;
        this.schedules = schedules;
    }

    /**
     * The sweep of a configuration: one expanding-synthetic schedule per amount.
     *
     * @param config the configuration
     * @return the experiment
     */
    public static KdePhaseSweep of(Config config) {
        return new KdePhaseSweep(config, PhaseSweep.schedules(config.real(), config.synthetic(),
                config.generation()));
    }

    @Override
    public int tasks() {
        return config.synthetic().size() * config.replicates();
    }

    @Override
    public Double task(int k) {
        List<KdeLoop.Generation> run = KdeLoop.run(config.settings(), schedules.get(k / config.replicates()),
                config.seed(), k % config.replicates());
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
        if (results.size() != tasks()) {
            throw new IllegalArgumentException("expected " + tasks() + " results, got " + results.size());
        }
        int reps = config.replicates();
        double[][] tv = new double[config.synthetic().size()][];
        for (int a = 0; a < tv.length; a++) {
            tv[a] = results.subList(a * reps, (a + 1) * reps).stream().mapToDouble(Double::doubleValue).toArray();
        }
        return tv;
    }
}
