package org.loopbound.cli;

import static org.loopbound.cli.SimulationOutput.cell;
import static org.loopbound.cli.SimulationOutput.num;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import org.loopbound.bound.Scenario;
import org.loopbound.run.RunDirectory;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.bound.Schedule;
import org.loopbound.diffusion.DiffusionLoop;
import org.loopbound.diffusion.StoppingComparison;
import org.loopbound.diffusion.StoppingRule;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code diffusion loop}: fixed τ against the per-generation D2 rule over the generations of a scenario. */
@Command(name = "loop", sortOptions = false, modelTransformer = ScenarioOptions.Install.class,
        description = {"TV(p_i, p0) over the generations of a scenario for a fixed tau and for the per-generation",
            "D2 rule tau_j = c (m N_j/4)^(1/5), on common random numbers."})
final class DiffusionLoopCommand implements Runnable, ScenarioOptions.Command {
    @Option(names = "--tau", required = true, paramLabel = "τ", description = "The fixed training time.")
    @Domains.In("(0, ∞)")
    Rational tau = Rational.ONE;

    @Option(names = "--tau-scale", required = true, paramLabel = "c",
            description = "The constant c of the D2 rule tau_j = c (m N_j/4)^(1/5).")
    @Domains.In("(0, ∞)")
    Rational scale = Rational.ONE;

    final ScenarioOptions scenario = ScenarioOptions.of(DiffusionCommand.LIMITS, Scenario.FULLY_SYNTHETIC, 2, true);
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
        Precision p = common.precision();
        DiffusionLoop.Settings settings = model.settings();
        Schedule schedule = scenario.schedule();
        List<StoppingRule> rules = List.of(DiffusionCommand.rule(tau, null, model.width, p),
                DiffusionCommand.rule(null, scale, model.width, p));
        int reps = run.replicates();
        JsonObject params = new JsonObject();
        scenario.describe(params);
        model.describe(params);
        params.addProperty("tau", tau.toString());
        params.addProperty("tau_scale", scale.toString());
        params.addProperty("precision_bits", p.bits());
        run.describe(params);
        RunDirectory dir = run.directory("diffusion loop", params);
        StoppingComparison.Result res = run.execute(StoppingComparison.of(new StoppingComparison.Config(settings,
                schedule, rules.get(0), rules.get(1), reps, run.seed)), dir,
                LoopRecords.diffusion(schedule.generations()), spec, "diffusion loop");
        List<List<DiffusionLoop.Generation>> runs = res.runs();
        StringBuilder csv = new StringBuilder("policy,generation,replicate,n,real,tau,tv,noise_floor\n");
        for (int k = 0; k < runs.size(); k++) {
            for (DiffusionLoop.Generation g : runs.get(k)) {
                csv.append(k < reps ? "fixed" : "d2").append(',').append(g.generation()).append(',')
                        .append(k % reps).append(',').append(g.size()).append(',').append(g.real()).append(',')
                        .append(num(g.tau())).append(',').append(num(g.tv())).append(',')
                        .append(num(g.noiseFloor())).append('\n');
            }
        }
        JsonObject o = SimulationOutput.result("D1", "D0", "D2");
        o.add("parameters", params);
        Table t = new Table("i", "lambda_i", "N_i", "fixed tau", "TV (fixed tau)", "D2 tau_i", "TV (D2 rule)");
        JsonArray values = new JsonArray();
        for (int g = 0; g <= schedule.generations(); g++) {
            DiffusionLoop.Generation fg = runs.get(0).get(g);
            DiffusionLoop.Generation dg = runs.get(reps).get(g);
            t.row(Integer.toString(g), schedule.lambda(g).toString(), schedule.size(g).toString(),
                    num(fg.tau()), cell(res.fixed().get(g)), num(dg.tau()), cell(res.d2().get(g)));
            JsonObject v = new JsonObject();
            v.addProperty("generation", g);
            v.addProperty("lambda", schedule.lambda(g).toString());
            v.addProperty("n", schedule.size(g).toString());
            v.addProperty("tau_fixed", num(fg.tau()));
            v.add("tv_fixed", SimulationOutput.simulated(res.fixed().get(g)));
            v.addProperty("tau_d2", num(dg.tau()));
            v.add("tv_d2", SimulationOutput.simulated(res.d2().get(g)));
            values.add(v);
        }
        o.add("values", values);
        RunOptions.finish(dir, csv, o);
        if (common.json()) {
            SimulationOutput.emit(spec, Json.print(o));
            return;
        }
        SimulationOutput.emit(spec, SimulationOutput.labels("D1", "D0", "D2") + SimulationOutput.SIMULATED + "\n"
                + "scenario " + scenario.scenario().cliName() + "; " + settings.sampler().describe() + "; m = "
                + model.width + "\n" + "policies: " + rules.get(0).describe() + " | " + rules.get(1).describe()
                + "\n" + t.render());
    }
}
