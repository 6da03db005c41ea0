package org.loopbound.cli;

import static org.loopbound.cli.SimulationOutput.num;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.math.BigInteger;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.bound.Scenario;
import org.loopbound.run.RunDirectory;
import org.loopbound.bound.Schedule;
import org.loopbound.diffusion.GaussianMixture;
import org.loopbound.kde.Bandwidth;
import org.loopbound.kde.K2Oracle;
import org.loopbound.kde.KdeLoop;
import org.loopbound.kde.KdeLoopExperiment;
import org.loopbound.param.Domain;
import org.loopbound.stats.MeanInterval;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code loopbound kde}: the Gaussian KDE loop of issue 5 (org.loopbound.kde), bearing on K1/K2 [derived] and claim C5.
 * Where K2's hypotheses hold, the simulated mean density is checked against K2's exact E[p̂_i] and the simulated E TV
 * against K2's certified lower bound TV(E p̂_i, p₀).
 */
@Command(name = "kde", sortOptions = false,
        description = {"Gaussian kernel density estimation in the self-consuming loop (claim C5), with the K2 [derived]",
            "oracle checks. Double-precision simulation; K2's values are certified."},
        subcommands = {KdeCommand.Loop.class})
public final class KdeCommand implements Runnable {

    /** The KDE stores its N points per generation (and needs two to fit): N in [2, 10^7]. */
    static final ScenarioOptions.Limits LIMITS = new ScenarioOptions.Limits(1000, 2, BigInteger.TEN.pow(7));
    /** The domain of a fixed bandwidth h (the alternative to {@code silverman}). */
    private static final Domain BANDWIDTH = Domain.parse("(0, ∞)", false);

    @CommandLine.Spec
    @SuppressWarnings("nullness:initialization.field.uninitialized") // injected by picocli
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: loop");
    }

    /** {@code kde loop}. */
    @Command(name = "loop", sortOptions = false, modelTransformer = ScenarioOptions.Install.class,
            description = {"TV(p_i, p0) of the KDE over the generations of a scenario (quadrature, no estimator",
                "noise), the mean density at check points, and the K2 checks where K2 applies."})
    static final class Loop implements Runnable, ScenarioOptions.Command {
        @Option(names = "--p0", defaultValue = "1:0:1", paramLabel = "p₀",
                description = "Data distribution weight:mean:variance[,…], exact (default: ${DEFAULT-VALUE} ="
                        + " N(0, 1)). K2 needs a single component.")
        String p0 = "";

        @Option(names = "--bandwidth", defaultValue = "1/5", paramLabel = "h|silverman",
                description = "Fixed bandwidth h in (0, ∞) (exact) or 'silverman' (per generation) (default:"
                        + " ${DEFAULT-VALUE}).")
        String bandwidth = "";

        @Option(names = "--points", defaultValue = "0,1,2", paramLabel = "x,…",
                description = "Points where the mean density is checked, comma-separated, exact (default:"
                        + " ${DEFAULT-VALUE}).")
        @Domains.In("(-∞, ∞)")
        String points = "";

        final ScenarioOptions scenario = ScenarioOptions.of(LIMITS, Scenario.FULLY_SYNTHETIC, 2, true);
        @Mixin RunOptions run = new RunOptions();
        @Mixin CommonOptions common = new CommonOptions();

        @Override
        public ScenarioOptions scenarioOptions() {
            return scenario;
        }
        @CommandLine.Spec
        @SuppressWarnings("nullness:initialization.field.uninitialized") // injected by picocli
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            Precision p = common.precision();
            GaussianMixture mix = GaussianMixture.parse(p0);
            Bandwidth h = bandwidth.trim().equalsIgnoreCase("silverman") ? Bandwidth.silverman()
                    : Bandwidth.fixed(BANDWIDTH.parse("h", bandwidth));
            List<Rational> xs = checkPoints();
            double[] x = new double[xs.size()];
            for (int k = 0; k < x.length; k++) {
                x[k] = xs.get(k).doubleValue();
            }
            Schedule schedule = scenario.schedule();
            int reps = run.replicates();
            KdeLoop.Settings settings = new KdeLoop.Settings(mix, h, x);
            JsonObject params = new JsonObject();
            scenario.describe(params);
            params.addProperty("p0", mix.spec());
            params.addProperty("bandwidth", h.describe());
            params.addProperty("points", ListOptions.canonical(xs));
            run.describe(params);
            params.addProperty("precision_bits", p.bits());
            RunDirectory dir = run.directory("kde loop", params);
            KdeLoopExperiment.Result res = run.execute(KdeLoopExperiment.of(new KdeLoopExperiment.Config(settings,
                    schedule, reps, run.seed, p)), dir, LoopRecords.kde(schedule.generations(), x.length), spec,
                    "kde loop");
            List<List<KdeLoop.Generation>> runs = res.runs();
            StringBuilder csv = new StringBuilder("generation,replicate,n,bandwidth,tv");
            for (int k = 0; k < x.length; k++) {
                csv.append(",density_").append(k);
            }
            csv.append('\n');
            for (int r = 0; r < runs.size(); r++) {
                for (KdeLoop.Generation g : runs.get(r)) {
                    csv.append(g.generation()).append(',').append(r).append(',').append(g.size()).append(',')
                            .append(num(g.bandwidth())).append(',').append(num(g.tv()));
                    for (double d : g.density()) {
                        csv.append(',').append(num(d));
                    }
                    csv.append('\n');
                }
            }
            String why = res.k2NotApplicable();
            List<K2Oracle.DensityCheck> dc = res.densityChecks();
            List<K2Oracle.TvCheck> tc = res.tvChecks();

            JsonObject o = SimulationOutput.result("K2", "K1");
            o.add("parameters", params);
            o.addProperty("tv_method", "trapezoid quadrature of |p_i - p0| (no estimator noise; error about 1e-3"
                    + " relative)");
            Table t = new Table("i", "lambda_i", "N_i", "h_i (rep. 0)", "E TV(p_i, p0) [95% CI]",
                    "K2 lower bound TV(E p_i, p0)", "consistent");
            JsonArray values = new JsonArray();
            for (int g = 0; g <= schedule.generations(); g++) {
                MeanInterval m = res.tv().get(g);
                K2Oracle.TvCheck check = g < tc.size() ? tc.get(g) : null;
                JsonObject v = new JsonObject();
                v.addProperty("generation", g);
                v.addProperty("lambda", schedule.lambda(g).toString());
                v.addProperty("n", schedule.size(g).toString());
                v.add("tv", SimulationOutput.simulated(m));
                if (check != null) {
                    v.add("k2_tv_lower_bound", Json.value(Certified.enclosed(check.lowerBound()), common.digits()));
                    v.addProperty("consistent", check.consistent());
                }
                values.add(v);
                t.row(Integer.toString(g), schedule.lambda(g).toString(), schedule.size(g).toString(),
                        num(runs.get(0).get(g).bandwidth()), SimulationOutput.cell(m),
                        check == null ? "n/a" : check.lowerBound().format(common.tableDigits()),
                        check == null ? "n/a" : check.consistent() ? "yes" : "NO");
            }
            o.add("values", values);
            Table d = new Table("i", "x", "mean p_i(x) [Bonferroni CI]", "K2 E[p_i](x)", "agrees");
            JsonArray densities = new JsonArray();
            for (K2Oracle.DensityCheck c : dc) {
                d.row(Integer.toString(c.generation()), num(c.x()),
                        String.format(java.util.Locale.ROOT, "%.5f [%.5f, %.5f]", c.simulated().mean(),
                                c.simulated().lo(), c.simulated().hi()),
                        String.format(java.util.Locale.ROOT, "%.5f", c.expected()), c.agrees() ? "yes" : "NO");
                JsonObject v = new JsonObject();
                v.addProperty("generation", c.generation());
                v.addProperty("x", num(c.x()));
                v.addProperty("mean", num(c.simulated().mean()));
                v.addProperty("ci_lo", num(c.simulated().lo()));
                v.addProperty("ci_hi", num(c.simulated().hi()));
                v.addProperty("k2_expected_density", num(c.expected()));
                v.addProperty("agrees", c.agrees());
                densities.add(v);
            }
            o.add("density_checks", densities);
            boolean allAgree = res.k2AllChecksPass();
            o.addProperty("k2_applies", why == null);
            if (why != null) {
                o.addProperty("k2_not_applicable_because", why);
            } else {
                o.addProperty("k2_all_checks_pass", allAgree);
            }
            RunOptions.finish(dir, csv, o);
            if (common.json()) {
                SimulationOutput.emit(spec, Json.print(o));
                return;
            }
            StringBuilder b = new StringBuilder();
            b.append(SimulationOutput.labels("K2", "K1")).append(SimulationOutput.SIMULATED).append('\n')
                    .append("scenario ").append(scenario.scenario().cliName()).append("; p0 = ").append(mix.spec())
                    .append("; ").append(h.describe()).append('\n').append(t.render());
            if (why != null) {
                b.append("K2 checks: not applicable (").append(why).append(")\n");
            } else {
                b.append("K2 density checks (intervals Bonferroni-corrected over all ").append(dc.size())
                        .append(" checks, joint level 95%):\n").append(d.render())
                        .append(allAgree ? "K2 checks: all pass\n" : "K2 checks: SOME FAIL\n");
            }
            SimulationOutput.emit(spec, b.toString());
        }

        private List<Rational> checkPoints() {
            return ListOptions.values(points);
        }
    }
}
