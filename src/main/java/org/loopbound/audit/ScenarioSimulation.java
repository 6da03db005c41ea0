package org.loopbound.audit;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.plot.Chart;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Rational;
import org.loopbound.bound.Scenario;
import org.loopbound.bound.ScenarioArguments;
import org.loopbound.bound.ScenarioParameter;
import org.loopbound.bound.TotalVariation;
import org.loopbound.sim.AtomDistribution;
import org.loopbound.sim.GenerationSummary;
import org.loopbound.sim.Learner;
import org.loopbound.sim.Mixing;
import org.loopbound.sim.SimulationConfig;
import org.loopbound.sim.SimulationSummary;
import org.loopbound.sim.Simulator;

/**
 * A discrete-loop simulation of the audit (p₀ uniform on k = 10 atoms, the empirical learner, stratified mixing,
 * δ = 1/100, the exact binomial verdict at level 1/1000) and the R3 bound cross-check that C1, C2 and C6 run on
 * their scenarios. Each run also says the {@code loopbound simulate} command that reproduces it by hand.
 */
final class ScenarioSimulation {

    static final String P0 = "uniform:10";
    static final Rational DELTA = Rational.of(1, 100);
    private static final Rational ALPHA_TEST = Rational.of(1, 1000);

    /**
     * One simulated scenario: its parameters, the offset of its seed from the master seed and the options that
     * select it on the command line.
     */
    record Run(Scenario scenario, long subSeed, ScenarioArguments arguments) {

        static Run sized(Scenario scenario, long subSeed, long n, @Nullable Rational lambda) {
            return new Run(scenario, subSeed, ScenarioArguments.of(0).with(ScenarioParameter.N, n)
                    .withIfPresent(ScenarioParameter.LAMBDA, lambda));
        }

        static Run growing(long subSeed, long n0, int growthExponent) {
            return new Run(Scenario.GROWING_SIZE, subSeed, ScenarioArguments.of(0).with(ScenarioParameter.N, n0)
                    .with(ScenarioParameter.GROWTH_EXPONENT, growthExponent));
        }

        static Run mixed(Scenario scenario, long subSeed, long real, long synthetic) {
            return new Run(scenario, subSeed, ScenarioArguments.of(0).with(ScenarioParameter.REAL, real)
                    .with(ScenarioParameter.SYNTHETIC, synthetic));
        }

        /** The options that select this scenario's parameters on the command line, from their declarations. */
        String options() {
            StringBuilder b = new StringBuilder();
            for (Map.Entry<ScenarioParameter, Rational> e : arguments.values().entrySet()) {
                if (e.getKey() != ScenarioParameter.GENERATIONS) {
                    b.append(b.length() == 0 ? "" : " ").append("--").append(e.getKey().key()).append(' ')
                            .append(e.getValue());
                }
            }
            return b.toString();
        }
    }

    /** The outcome of one simulation: the summary per generation and the reproduction command. */
    record Outcome(SimulationSummary summary, String command) {

        List<GenerationSummary> generations() {
            return summary.generations();
        }
    }

    private ScenarioSimulation() {
    }

    static Outcome simulate(ClaimCheck.Context context, Run run, int generations, int replicates) {
        return simulate(context, run, P0, generations, replicates);
    }

    /** Simulates a run on p₀ = {@code p0} (a {@code --p0} text). */
    static Outcome simulate(ClaimCheck.Context context, Run run, String p0, int generations, int replicates) {
        AuditConfig config = context.config();
        long seed = config.seed() + run.subSeed();
        SimulationConfig sim = config(context, run, p0, generations, replicates);
        try {
            SimulationSummary summary = SimulationSummary.of(sim, new Simulator(sim).run(config.workers(),
                    new HashMap<>(), r -> { }, units -> { }));
            return new Outcome(summary, "simulate --scenario " + run.scenario().cliName() + " --p0 " + p0
                    + " --generations " + generations + " --replicates " + replicates + " --seed " + seed
                    + " --delta " + DELTA + " " + run.options() + config.threadsOption());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the audit's simulations", e);
        }
    }

    /** The simulation's configuration: the empirical learner, stratified mixing, δ and the test level above. */
    static SimulationConfig config(ClaimCheck.Context context, Run run, String p0, int generations, int replicates) {
        AuditConfig config = context.config();
        return new SimulationConfig(run.scenario(), run.scenario().schedule(run.arguments().with(
                ScenarioParameter.GENERATIONS, generations)), AtomDistribution.parse(p0), Learner.empirical(),
                Mixing.STRATIFIED, replicates, config.seed() + run.subSeed(), DELTA, Rational.ONE, ALPHA_TEST,
                config.precision());
    }

    /** The upper end of a certified bound (its value when exact), for plots. */
    static double upper(Certified bound) {
        return bound.isExact() ? bound.exact().doubleValue() : bound.enclosure().hi().doubleValue();
    }

    /** The bound of a generation; the empirical learner always has one. */
    static Certified bound(GenerationSummary g) {
        Certified b = g.bound();
        if (b == null) {
            throw new IllegalStateException("the empirical learner has a proven eps, so generation "
                    + g.generation() + " must have a bound");
        }
        return b;
    }

    /**
     * C1/C2/C6: simulates a scenario and checks the R3 bound B_i (with EPS-EMP's ε) against the exact TVs of every
     * generation: PASS when no generation's verdict is FAIL and some is PASS.
     */
    static void check(ClaimCheck.Context context, ClaimSection section, Run run) {
        AuditConfig.Plan plan = context.config().plan();
        String scenario = run.scenario().cliName();
        context.progress().accept("simulate " + scenario);
        Outcome o = simulate(context, run, plan.generations(), plan.replicates());
        List<GenerationSummary> gens = o.generations();
        int n = gens.size();
        Curve curve = new Curve();
        long pass = 0;
        long fail = 0;
        long vacuous = 0;
        double worst = 0;
        for (GenerationSummary g : gens) {
            curve.add(g.generation(), g);
            pass += g.verdict() == org.loopbound.sim.Verdict.PASS ? 1 : 0;
            fail += g.verdict() == org.loopbound.sim.Verdict.FAIL ? 1 : 0;
            vacuous += g.verdict() == org.loopbound.sim.Verdict.VACUOUS ? 1 : 0;
            worst = Math.max(worst, g.violationRate().doubleValue());
        }
        section.check(fail == 0 && pass > 0, "PASS iff no generation's exact binomial test (level " + ALPHA_TEST
                + ") finds the rate of TV(p̂_i, p₀) > B_i above (i+1)δ, and at least one generation is tested (a"
                + " generation with B_i ≥ 1 or (i+1)δ ≥ 1 is VACUOUS: nothing to test)", scenario + ": " + pass + " generations PASS, " + fail
                + " FAIL, " + vacuous + " VACUOUS (B_i ≥ 1 or (i+1)δ ≥ 1: nothing to test) (violation rate ≤ " + String.format(Locale.ROOT, "%.4f", worst) + " against (i+1)δ, δ = "
                + DELTA + "; " + plan.replicates() + " replicates; `loopbound " + o.command() + "`)");
        section.figure("bound-" + scenario + ".svg", "Scenario " + scenario + ": R3 bound B_i [derived] with the"
                + " empirical learner's ε(N, δ, k) (EPS-EMP [derived]), against the simulated mean TV(p̂_i, p₀)"
                + " and its 95% confidence band, " + plan.replicates() + " replicates.",
                curve.chart("TV to p₀ by generation — " + scenario, "generation i", "B_i",
                        "R3 bound, upper end"));
        section.number(scenario + ": B_" + (n - 1) + " (R3, empirical ε)",
                bound(gens.get(n - 1)).format(context.config().jsonDigits()), "[derived]");
    }

    /**
     * Simulated mean TVs with their intervals and the bound's upper ends, point by point, for a figure. Lists, not
     * arrays, where indices are computed: the Index Checker need not trace them.
     */
    static final class Curve {
        private final List<Double> x = new ArrayList<>();
        private final List<Double> mean = new ArrayList<>();
        private final List<Double> lo = new ArrayList<>();
        private final List<Double> hi = new ArrayList<>();
        private final List<Double> bound = new ArrayList<>();
        private final List<Boolean> vacuous = new ArrayList<>();

        /** Adds the point at abscissa {@code at} from one generation's summary. */
        void add(double at, GenerationSummary g) {
            x.add(at);
            mean.add(g.meanTv().doubleValue());
            lo.add(g.tvCiLo());
            hi.add(g.tvCiHi());
            bound.add(upper(ScenarioSimulation.bound(g)));
            vacuous.add(TotalVariation.isVacuous(ScenarioSimulation.bound(g)));
        }

        List<Double> mean() {
            return List.copyOf(mean);
        }

        List<Double> bound() {
            return List.copyOf(bound);
        }

        /**
         * The simulated band and mean, and the bound dashed, capped at 1 and shaded where vacuous.
         *
         * @param symbol the bound's symbol, e.g. "B_i"
         * @param source what the bound is, e.g. "R3 with EPS-EMP's ε, upper end"
         */
        Chart chart(String title, String xLabel, String symbol, String source) {
            double[] at = array(x);
            boolean[] flags = new boolean[vacuous.size()];
            for (int i = 0; i < flags.length; i++) {
                flags[i] = vacuous.get(i);
            }
            return new Chart(title, xLabel, "total variation (TV)").band("simulated 95% CI", at, array(lo), array(hi))
                    .line("simulated mean TV", at, array(mean))
                    .tvBound("min(" + symbol + ", 1), " + symbol + " = " + source,
                            symbol + " vacuous: its lower end is ≥ 1 and TV ≤ 1 always, so nothing is tested",
                            at, array(bound), flags);
        }
    }

    static double[] array(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

}
