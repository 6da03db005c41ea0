package org.loopbound.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Rational;
import org.loopbound.bound.Scenario;
import org.loopbound.bound.ScenarioArguments;
import org.loopbound.bound.ScenarioParameter;
import org.loopbound.exact.ExactLoop;
import org.loopbound.exact.GenerationLaw;
import org.loopbound.plot.Chart;
import org.loopbound.sim.GenerationSummary;
import org.loopbound.sim.SimulationConfig;

/**
 * The tightness of R3's bound (R5's for accumulate) with EPS-EMP's ε in every scenario, on two atoms where the exact
 * chain is cheap: E TV(p̂_i, p₀) from {@link ExactLoop} when the chain is computable, from the audit's simulation
 * otherwise (accumulate, whose state is every earlier count vector, and schedules beyond the chain's limits).
 */
final class TightnessCheck {

    /** p₀ on two atoms. */
    static final String P0 = "1/4,3/4";

    private TightnessCheck() {
    }

    /** Each scenario's parameters on the two-atom space (sub-seeds 400 + ordinal). */
    static ScenarioSimulation.Run run(Scenario scenario) {
        long sub = 400L + scenario.ordinal();
        Rational half = Rational.of(1, 2);
        return switch (scenario) {
            case FULLY_SYNTHETIC -> ScenarioSimulation.Run.sized(scenario, sub, 200, null);
            case FIXED_PROPORTION -> ScenarioSimulation.Run.sized(scenario, sub, 200, half);
            case LAST_INJECTION -> ScenarioSimulation.Run.sized(scenario, sub, 200, Rational.of(9, 10));
            case GROWING_SIZE -> ScenarioSimulation.Run.growing(sub, 20, 2);
            case EXPANDING_SYNTHETIC -> ScenarioSimulation.Run.mixed(scenario, sub, 40, 160);
            case ACCUMULATE -> ScenarioSimulation.Run.mixed(scenario, sub, 40, 40);
            case PERIODIC_INJECTION -> new ScenarioSimulation.Run(scenario, sub, ScenarioArguments.of(0)
                    .with(ScenarioParameter.N, 200).with(ScenarioParameter.LAMBDA, half)
                    .with(ScenarioParameter.PERIOD, 3));
        };
    }

    /** Computes every scenario's row and puts the table, figure and class counts into the section. */
    static void audit(ClaimCheck.Context context, ClaimSection section) {
        context.progress().accept("tightness of the bounds");
        AuditConfig.Plan plan = context.config().plan();
        int g = plan.generations();
        List<Tightness.Row> rows = new ArrayList<>();
        for (Scenario scenario : Scenario.values()) {
            rows.add(row(context, run(scenario), g, plan.replicates()));
        }
        report(section, rows, g);
    }

    private static Tightness.Row row(ClaimCheck.Context context, ScenarioSimulation.Run run, int g, int replicates) {
        SimulationConfig sim = ScenarioSimulation.config(context, run, P0, g, replicates);
        List<Certified> bounds = sim.bounds();
        if (bounds == null) {
            throw new IllegalStateException("the empirical learner has a proven eps, so every generation has a bound");
        }
        String name = run.scenario().cliName() + " (" + run.options() + ")";
        String refusal;
        try {
            ExactLoop loop = ExactLoop.of(run.scenario(), sim.schedule(), sim.p0(), sim.learner(), sim.mixing());
            List<Double> expected = new ArrayList<>();
            for (GenerationLaw law : loop.run(loop.automaticArithmetic(), null)) {
                expected.add(law.expectedTv().approx());
            }
            return Tightness.of(name, "exact chain (" + loop.automaticArithmetic().name().toLowerCase(Locale.ROOT)
                    + "); `loopbound exact --scenario " + run.scenario().cliName() + " --p0 " + P0 + " --generations "
                    + g + " " + run.options() + "`", bounds, expected);
        } catch (IllegalArgumentException e) {
            // the exact chain refuses accumulate and state spaces beyond its limits: fall back to simulation
            refusal = e.getMessage();
        }
        ScenarioSimulation.Outcome o = ScenarioSimulation.simulate(context, run, P0, g, replicates);
        List<Double> expected = o.generations().stream().map(x -> x.meanTv().doubleValue()).toList();
        return Tightness.of(name, "simulation, mean of " + replicates + " replicates (the exact chain refuses: "
                + refusal + "); `loopbound " + o.command() + "`", bounds, expected);
    }

    private static void report(ClaimSection section, List<Tightness.Row> rows, int g) {
        List<String> columns = new ArrayList<>(List.of("scenario", "E TV from", "class", "worst ratio",
                "best ratio"));
        for (int i = 0; i <= g; i++) {
            columns.add("B_" + i + " / E TV_" + i);
        }
        List<List<String>> cells = new ArrayList<>();
        Chart plot = new Chart("Tightness: bound over expected TV, by generation (k = 2, p₀ = (1/4, 3/4))",
                "generation i", "B_i / E TV(p̂_i, p₀)");
        for (Tightness.Row r : rows) {
            List<String> row = new ArrayList<>(List.of(r.scenario(), r.source(), r.factor().text(),
                    Double.toString(r.worstRatio()), Double.toString(r.bestRatio())));
            double[] x = new double[r.points().size()];
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                Tightness.Point p = r.points().get(i);
                row.add(p.ratio() + (p.vacuous() ? " (vacuous)" : ""));
                x[i] = i;
                y[i] = p.ratio();
            }
            cells.add(row);
            plot.line(C3Learners.head(r.scenario().replace(' ', ',')), x, y);
        }
        section.table(new ClaimSection.Table("Tightness of the bound (R3, R5 for accumulate; EPS-EMP's ε with δ = "
                + ScenarioSimulation.DELTA + "): the ratio of B_i's upper end to E TV(p̂_i, p₀) per generation, and"
                + " the class of the largest non-vacuous ratio", columns, cells));
        section.figure("tightness.svg", "B_i / E TV(p̂_i, p₀) per generation and scenario on two atoms (p₀ = (1/4,"
                + " 3/4), the empirical learner): E TV is exact from the finite Markov chain where it is computable,"
                + " simulated otherwise (see the table).", plot);
        StringBuilder classes = new StringBuilder("Tightness (largest non-vacuous ratio B_i / E TV_i over generations"
                + " 0…" + g + "): ");
        for (Tightness.Factor f : Tightness.Factor.values()) {
            List<String> names = rows.stream().filter(r -> r.factor() == f)
                    .map(r -> C3Learners.head(r.scenario().replace(' ', ','))).toList();
            classes.append(f.text()).append(": ").append(names.isEmpty() ? "none" : String.join(", ", names))
                    .append(f.ordinal() + 1 < Tightness.Factor.values().length ? "; " : ".");
        }
        section.note(classes.toString());
    }
}
