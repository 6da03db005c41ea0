package org.loopbound.diffusion;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.bound.D2EarlyStopping;
import org.loopbound.bound.Schedule;
import org.loopbound.param.ParameterException;
import org.loopbound.stats.Experiment;
import org.loopbound.stats.Extremum;
import org.loopbound.stats.LeastSquares;
import org.loopbound.stats.MeanInterval;

/**
 * The τ sweep of claim C4 [claim]: the diffusion loop for every sample size N and every fixed training time τ of a
 * grid, replicated; per (N, generation) the grid's best τ (the argmin of the mean TV) against D2's [derived] certified
 * τ* = (m N_i/4)^(1/5), and per generation the empirical exponent of the best τ in N (least squares on the log–log
 * scale; D2 predicts 1/5).
 *
 * <p>Task k runs the cell k / R (size-major: cell = a·|τ| + b for size a and time b) with replicate k mod R.
 */
public final class TauSweep implements Experiment<List<DiffusionLoop.Generation>, TauSweep.Result> {

    /**
     * The sweep's configuration.
     *
     * @param settings the model, sampler and TV estimator
     * @param sizes the sample sizes N, in order
     * @param schedules the scenario's schedule for each size, as many as {@code sizes}, all with the same number
     *     of generations
     * @param taus the training times τ of the grid, in order, at least one
     * @param replicates R ≥ 2 replicates per cell
     * @param seed the seed; replicate r of every cell uses the streams (seed, r)
     * @param precision the working precision of D2's τ*
     */
    public record Config(DiffusionLoop.Settings settings, List<BigInteger> sizes, List<Schedule> schedules,
                         List<Rational> taus, int replicates, long seed, Precision precision) {

        /** Copies the lists and checks that they fit together and that R ≥ 2 (a {@link ParameterException}). */
        public Config {
            if (replicates < 2) {
                throw ParameterException.outside("R", "≥ 2", replicates);
            }
            sizes = List.copyOf(sizes);
            schedules = List.copyOf(schedules);
            taus = List.copyOf(taus);
            if (sizes.isEmpty() || sizes.size() != schedules.size() || taus.isEmpty()) {
                throw new IllegalArgumentException("a tau sweep needs one schedule per size and at least one size"
                        + " and one tau, got " + sizes.size() + " sizes, " + schedules.size() + " schedules, "
                        + taus.size() + " taus");
            }
            int generations = schedules.get(0).generations();
            if (schedules.stream().anyMatch(s -> s.generations() != generations)) {
                throw new IllegalArgumentException("every schedule of a tau sweep must have the same generations");
            }
        }
    }

    /**
     * The grid's best τ at one (N, generation).
     *
     * @param size the index a of N in {@link Config#sizes()}
     * @param generation the generation i
     * @param generationSize N_i of that generation
     * @param tau the index of the best τ in {@link Config#taus()} (first argmin of the mean TV)
     * @param d2TauStar D2's certified τ* = (m N_i/4)^(1/5)
     */
    public record Best(int size, int generation, BigInteger generationSize, int tau, Certified d2TauStar) {
    }

    /**
     * The fitted exponent of one generation.
     *
     * @param generation the generation i
     * @param exponent the least-squares slope of ln(best τ) against ln N (NaN with a single size)
     */
    public record Scaling(int generation, double exponent) {
    }

    /**
     * The sweep's statistics.
     *
     * @param runs every task's replicate run, in task order
     * @param tv the mean TV with its interval, indexed [size][τ][generation]
     * @param best the best τ per (size, generation), size-major
     * @param scaling the exponent per generation (empty with a single size)
     */
    public record Result(List<List<DiffusionLoop.Generation>> runs, List<List<List<MeanInterval>>> tv,
                         List<Best> best, List<Scaling> scaling) {
    }

    private final Config config;

    private TauSweep(Config config) {
        this.config = config;
    }

    /**
     * The sweep of a configuration.
     *
     * @param config the configuration
     * @return the experiment
     */
    public static TauSweep of(Config config) {
        return new TauSweep(config);
    }

    @Override
    public int tasks() {
        return config.sizes().size() * config.taus().size() * config.replicates();
    }

    @Override
    public List<DiffusionLoop.Generation> task(int k) {
        int cell = k / config.replicates();
        int t = config.taus().size();
        return DiffusionLoop.run(config.settings(), config.schedules().get(cell / t),
                StoppingRule.fixed(config.taus().get(cell % t)), config.seed(), k % config.replicates());
    }

    @Override
    public Result analyse(List<List<DiffusionLoop.Generation>> runs) {
        if (runs.size() != tasks()) {
            throw new IllegalArgumentException("expected " + tasks() + " runs, got " + runs.size());
        }
        int reps = config.replicates();
        List<Rational> ts = config.taus();
        List<List<List<MeanInterval>>> table = new ArrayList<>();
        for (int a = 0; a < config.sizes().size(); a++) {
            List<List<MeanInterval>> row = new ArrayList<>();
            for (int b = 0; b < ts.size(); b++) {
                int cell = a * ts.size() + b;
                row.add(MeanInterval.perPosition(runs.subList(cell * reps, (cell + 1) * reps),
                        DiffusionLoop.Generation::tv, 0.95));
            }
            table.add(row);
        }
        int gens = config.schedules().get(0).generations() + 1;
        BigInteger m = BigInteger.valueOf(config.settings().width());
        List<Best> best = new ArrayList<>();
        for (int a = 0; a < config.sizes().size(); a++) {
            for (int g = 0; g < gens; g++) {
                List<MeanInterval> column = new ArrayList<>();
                for (List<MeanInterval> cell : table.get(a)) {
                    column.add(cell.get(g));
                }
                BigInteger ni = config.schedules().get(a).size(g);
                best.add(new Best(a, g, ni, Extremum.argMinMean(column),
                        D2EarlyStopping.optimalStoppingTime(m, ni, config.precision())));
            }
        }
        List<Scaling> scaling = new ArrayList<>();
        for (int g = 0; g < gens && config.sizes().size() >= 2; g++) {
            double[] n = new double[config.sizes().size()];
            double[] tau = new double[n.length];
            for (int a = 0; a < n.length; a++) {
                n[a] = config.sizes().get(a).doubleValue();
                tau[a] = ts.get(best.get(a * gens + g).tau()).doubleValue();
            }
            scaling.add(new Scaling(g, LeastSquares.logLogSlope(n, tau)));
        }
        return new Result(List.copyOf(runs), table, best, scaling);
    }
}
