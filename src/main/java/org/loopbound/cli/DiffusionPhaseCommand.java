package org.loopbound.cli;

import static org.loopbound.cli.SimulationOutput.cell;
import static org.loopbound.cli.SimulationOutput.num;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.math.BigInteger;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.run.RunDirectory;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.bound.Scenario;
import org.loopbound.diffusion.DiffusionLoop;
import org.loopbound.diffusion.PhaseSweep;
import org.loopbound.diffusion.StoppingRule;
import org.loopbound.stats.MeanInterval;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code diffusion phase}: the expanding-synthetic sweep (claim C3 in simulation). */
@Command(name = "phase", sortOptions = false,
        description = {"Expanding-synthetic sweep: r real samples fixed, s synthetic swept; TV(p_i, p0) against s",
            "at every generation (claim C3: first rises, then declines)."})
final class DiffusionPhaseCommand implements Runnable {
    private static final String SHAPE_ONLY = "P2's peak location assumes eps(N) = b N^-alpha; the diffusion"
            + " learner's rate is not known, so only the shape (rise, then decline) is compared";

    @Option(names = "--real", required = true, paramLabel = "r", description = "Real samples per generation.")
    @Domains.In("[1, 10^7]")
    BigInteger real = BigInteger.ONE;

    @Option(names = "--synthetic", defaultValue = "0,50,100,200,400,800", paramLabel = "s,…",
            description = "Synthetic amounts s to sweep, comma-separated (default: ${DEFAULT-VALUE}).")
    @Domains.In(value = "[0, 10^7]", whole = true)
    String synthetic = "";

    @Option(names = "--generations", defaultValue = "2", paramLabel = "i",
            description = "Last generation i (default: ${DEFAULT-VALUE}).")
    @Domains.In("[1, 1000]")
    int generations;

    @Option(names = "--tau", paramLabel = "τ", description = "Fixed training time (give this or --tau-scale).")
    @Domains.In("(0, ∞)")
    @Nullable Rational tau;

    @Option(names = "--tau-scale", paramLabel = "c",
            description = "D2 rule tau_j = c (m N_j/4)^(1/5) (give this or --tau).")
    @Domains.In("(0, ∞)")
    @Nullable Rational scale;

    @Mixin DiffusionCommand.ModelOptions model = new DiffusionCommand.ModelOptions();
    @Mixin RunOptions run = new RunOptions();
    @Mixin CommonOptions common = new CommonOptions();
    @CommandLine.Spec
    @SuppressWarnings("nullness:initialization.field.uninitialized") // injected by picocli
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        Precision p = common.precision();
        BigInteger r = real;
        List<BigInteger> ss = ListOptions.wholes(synthetic);
        StoppingRule rule = DiffusionCommand.rule(tau, scale, model.width, p);
        DiffusionLoop.Settings settings = model.settings();
        int reps = run.replicates();
        PhaseSweep sweep = PhaseSweep.of(new PhaseSweep.Config(settings, r, ss, generations, rule, reps, run.seed));
        JsonObject params = new JsonObject();
        model.describe(params);
        params.addProperty("scenario", Scenario.EXPANDING_SYNTHETIC.cliName());
        params.addProperty("real", r.toString());
        params.addProperty("synthetic", ListOptions.canonical(ss));
        params.addProperty("generations", generations);
        params.addProperty("stopping", rule.describe());
        params.addProperty("precision_bits", p.bits());
        run.describe(params);
        RunDirectory dir = run.directory("diffusion phase", params);
        PhaseSweep.Result res = run.execute(sweep, dir, LoopRecords.diffusion(generations), spec, "diffusion phase");
        StringBuilder csv = new StringBuilder("synthetic,generation,replicate,n,tau,tv,noise_floor\n");
        for (int k = 0; k < res.runs().size(); k++) {
            for (DiffusionLoop.Generation g : res.runs().get(k)) {
                csv.append(ss.get(k / reps)).append(',').append(g.generation()).append(',').append(k % reps)
                        .append(',').append(g.size()).append(',').append(num(g.tau())).append(',')
                        .append(num(g.tv())).append(',').append(num(g.noiseFloor())).append('\n');
            }
        }
        JsonObject o = SimulationOutput.result("P2", "D0", "D1", "D2");
        o.add("parameters", params);
        Table t = new Table("s", "s/r", "generation", "TV mean [95% CI]");
        JsonArray values = new JsonArray();
        StringBuilder peaks = new StringBuilder();
        JsonArray peakJson = new JsonArray();
        for (int g = 0; g <= generations; g++) {
            for (int a = 0; a < ss.size(); a++) {
                MeanInterval m = res.tv().get(a).get(g);
                t.row(ss.get(a).toString(), Rational.of(ss.get(a), r).toString(), Integer.toString(g), cell(m));
                JsonObject v = new JsonObject();
                v.addProperty("synthetic", ss.get(a).toString());
                v.addProperty("generation", g);
                v.add("tv", SimulationOutput.simulated(m));
                values.add(v);
            }
            BigInteger peak = ss.get(res.peaks().get(g));
            peaks.append("generation ").append(g).append(": largest mean TV at s = ").append(peak)
                    .append(" (s/r = ").append(Rational.of(peak, r)).append(")\n");
            JsonObject pk = new JsonObject();
            pk.addProperty("generation", g);
            pk.addProperty("argmax_synthetic", peak.toString());
            peakJson.add(pk);
        }
        o.add("values", values);
        o.add("peaks", peakJson);
        o.addProperty("note", SHAPE_ONLY);
        RunOptions.finish(dir, csv, o);
        if (common.json()) {
            SimulationOutput.emit(spec, Json.print(o));
            return;
        }
        SimulationOutput.emit(spec, SimulationOutput.labels("P2", "D0", "D1", "D2") + SimulationOutput.SIMULATED
                + "\n" + "expanding-synthetic, r = " + r + "; " + rule.describe() + "; "
                + settings.sampler().describe() + "\n" + t.render() + peaks + SHAPE_ONLY + ".\n");
    }
}
