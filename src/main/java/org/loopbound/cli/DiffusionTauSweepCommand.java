package org.loopbound.cli;

import static org.loopbound.cli.SimulationOutput.cell;
import static org.loopbound.cli.SimulationOutput.num;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.loopbound.bound.ScenarioParameter;
import org.loopbound.run.RunDirectory;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.bound.Scenario;
import org.loopbound.bound.Schedule;
import org.loopbound.diffusion.DiffusionLoop;
import org.loopbound.diffusion.TauSweep;
import org.loopbound.stats.MeanInterval;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code diffusion tau-sweep}: TV against the training time τ, per N and generation; best τ vs D2. */
@Command(name = "tau-sweep", sortOptions = false, modelTransformer = ScenarioOptions.Install.class,
        description = {"TV(p_i, p0) against the training time tau at every generation (the U-shape), and how the",
            "empirical best tau scales with N, against the D2 [derived] prediction tau* = (m N/4)^(1/5)."})
final class DiffusionTauSweepCommand implements Runnable, ScenarioOptions.Command {
    private static final String UNITS = "tau is in the units of the flow dA/dtau = -grad L (spec/diffusion.md); D2"
            + " fixes tau* only up to the hidden constants of D0";

    @Option(names = "--n", defaultValue = "100,400", paramLabel = "N,…",
            description = "Sample sizes N, comma-separated (default: ${DEFAULT-VALUE}).")
    @Domains.In(value = "[1, 10^7]", whole = true)
    String sizes = "";

    @Option(names = "--taus", defaultValue = "1e5,1e6,1e7,1e8,1e10,1e12", paramLabel = "τ,…",
            description = "Training times tau, comma-separated, exact (default: ${DEFAULT-VALUE}).")
    @Domains.In("(0, ∞)")
    String taus = "";

    final ScenarioOptions scenario = ScenarioOptions.of(DiffusionCommand.LIMITS, Scenario.FULLY_SYNTHETIC, 2, false);
    @Mixin DiffusionCommand.ModelOptions model = new DiffusionCommand.ModelOptions();
    @Mixin RunOptions run = new RunOptions();
    @Mixin CommonOptions common = new CommonOptions();
    @CommandLine.Spec
    @SuppressWarnings("nullness:initialization.field.uninitialized") // injected by picocli
    CommandLine.Model.CommandSpec spec;

    @Override
    public ScenarioOptions scenarioOptions() {
        return scenario;
    }

    @Override
    public void run() {
        List<BigInteger> ns = ListOptions.wholes(sizes);
        List<Rational> ts = ListOptions.values(taus);
        Scenario sc = scenario.scenario();
        if (!sc.parameters().contains(ScenarioParameter.N)) {
            throw new UsageError("--scenario for tau-sweep must size generations by --n (" + sizedByN()
                    + "), got " + sc.cliName());
        }
        Precision p = common.precision();
        DiffusionLoop.Settings settings = model.settings();
        List<Schedule> schedules = new ArrayList<>();
        for (BigInteger n : ns) {
            schedules.add(scenario.schedule(Rational.of(n, BigInteger.ONE)));
        }
        int reps = run.replicates();
        JsonObject params = new JsonObject();
        scenario.describe(params);
        model.describe(params);
        params.addProperty("n", ListOptions.canonical(ns));
        params.addProperty("taus", ListOptions.canonical(ts));
        run.describe(params);
        RunDirectory dir = run.directory("diffusion tau-sweep", params);
        TauSweep.Result res = run.execute(TauSweep.of(new TauSweep.Config(settings, ns, schedules, ts, reps,
                run.seed, p)), dir, LoopRecords.diffusion(scenario.generations()), spec, "diffusion tau-sweep");
        StringBuilder csv = new StringBuilder("n,tau,generation,replicate,n_generation,tv,noise_floor\n");
        for (int k = 0; k < res.runs().size(); k++) {
            int cell = k / reps;
            for (DiffusionLoop.Generation g : res.runs().get(k)) {
                csv.append(ns.get(cell / ts.size())).append(',').append(ts.get(cell % ts.size())).append(',')
                        .append(g.generation()).append(',').append(k % reps).append(',').append(g.size())
                        .append(',').append(num(g.tv())).append(',').append(num(g.noiseFloor())).append('\n');
            }
        }
        JsonObject o = SimulationOutput.result("D2", "D0", "D1");
        o.add("parameters", params);
        Table t = new Table("N", "tau", "generation", "TV mean [95% CI]");
        JsonArray values = new JsonArray();
        int gens = scenario.generations() + 1;
        for (int a = 0; a < ns.size(); a++) {
            for (int g = 0; g < gens; g++) {
                for (int b = 0; b < ts.size(); b++) {
                    MeanInterval m = res.tv().get(a).get(b).get(g);
                    t.row(ns.get(a).toString(), ts.get(b).toString(), Integer.toString(g), cell(m));
                    JsonObject v = new JsonObject();
                    v.addProperty("n", ns.get(a).toString());
                    v.addProperty("tau", ts.get(b).toString());
                    v.addProperty("generation", g);
                    v.add("tv", SimulationOutput.simulated(m));
                    values.add(v);
                }
            }
        }
        JsonArray best = new JsonArray();
        Table bt = new Table("N", "generation", "N_i", "best tau (grid)", "D2 tau* = (m N_i/4)^(1/5)");
        for (TauSweep.Best x : res.best()) {
            String n = ns.get(x.size()).toString();
            String tau = ts.get(x.tau()).toString();
            bt.row(n, Integer.toString(x.generation()), x.generationSize().toString(), tau,
                    Table.cell(x.d2TauStar(), common.tableDigits()));
            JsonObject bj = new JsonObject();
            bj.addProperty("n", n);
            bj.addProperty("generation", x.generation());
            bj.addProperty("n_generation", x.generationSize().toString());
            bj.addProperty("best_tau_on_grid", tau);
            JsonObject d2 = Json.resultObject("D2");
            d2.remove("parameters");
            d2.add("tau_star", Json.value(x.d2TauStar(), common.digits()));
            bj.add("d2", d2);
            best.add(bj);
        }
        o.add("values", values);
        o.add("best_tau", best);
        JsonArray slopes = new JsonArray();
        StringBuilder slopeText = new StringBuilder();
        for (TauSweep.Scaling s : res.scaling()) {
            JsonObject j = new JsonObject();
            j.addProperty("generation", s.generation());
            j.addProperty("empirical_exponent", num(s.exponent()));
            j.addProperty("d2_exponent", "1/5");
            slopes.add(j);
            slopeText.append("generation ").append(s.generation()).append(": empirical exponent of best tau in N = ")
                    .append(num(s.exponent())).append(" (D2 predicts 1/5; grid resolution limits this)\n");
        }
        o.add("scaling", slopes);
        o.addProperty("note", UNITS + ", so compare the exponent, not the value");
        RunOptions.finish(dir, csv, o);
        if (common.json()) {
            SimulationOutput.emit(spec, Json.print(o));
            return;
        }
        SimulationOutput.emit(spec, SimulationOutput.labels("D2", "D0", "D1") + SimulationOutput.SIMULATED + "\n"
                + "scenario " + sc.cliName() + "; " + settings.sampler().describe() + "; m = " + model.width + "\n"
                + t.render() + "best tau per N and generation (argmin of the mean over the grid):\n" + bt.render()
                + slopeText + UNITS + ": compare the exponent, not the value.\n");
    }

    /** The scenarios whose generations are sized by N, from their declarations. */
    private static String sizedByN() {
        List<String> names = new java.util.ArrayList<>();
        for (Scenario s : Scenario.values()) {
            if (s.parameters().contains(ScenarioParameter.N)) {
                names.add(s.cliName());
            }
        }
        return String.join(", ", names);
    }
}
