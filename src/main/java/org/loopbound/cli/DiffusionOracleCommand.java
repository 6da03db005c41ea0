package org.loopbound.cli;

import static org.loopbound.cli.SimulationOutput.cell;
import static org.loopbound.cli.SimulationOutput.num;

import com.google.gson.JsonObject;
import org.loopbound.run.RunDirectory;
import org.loopbound.diffusion.GaussianMixture;
import org.loopbound.diffusion.HistogramTv;
import org.loopbound.diffusion.OracleSampling;
import org.loopbound.diffusion.ReverseSampler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code diffusion oracle}: the sampler driven by the exact mixture score, TV to p₀ by the histogram estimator. */
@Command(name = "oracle", sortOptions = false,
        description = {"Samples with the exact score of the noised mixture and estimates TV(sampler output, p0)",
            "with the histogram estimator; the noise floor is the estimator's sampling bias when q = p0."})
final class DiffusionOracleCommand implements Runnable {
    @Mixin DiffusionCommand.ModelOptions model = new DiffusionCommand.ModelOptions();
    @Mixin RunOptions run = new RunOptions();
    @Mixin CommonOptions common = new CommonOptions();
    @CommandLine.Spec
    @SuppressWarnings("nullness:initialization.field.uninitialized") // injected by picocli
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        GaussianMixture mix = model.mixture();
        ReverseSampler sampler = model.reverseSampler();
        HistogramTv tv = model.estimator(mix);
        int n = model.evalSamples();
        int reps = run.replicates();
        JsonObject params = new JsonObject();
        model.describe(params);
        run.describe(params);
        RunDirectory dir = run.directory("diffusion oracle", params);
        OracleSampling.Result res = run.execute(OracleSampling.of(new OracleSampling.Config(mix, sampler, tv, n,
                reps, run.seed)), dir, LoopRecords.estimate(), spec, "diffusion oracle");
        StringBuilder csv = new StringBuilder("replicate,tv,noise_floor\n");
        for (int r = 0; r < res.estimates().size(); r++) {
            HistogramTv.Estimate e = res.estimates().get(r);
            csv.append(r).append(',').append(num(e.tv())).append(',').append(num(e.noiseFloor())).append('\n');
        }
        JsonObject o = SimulationOutput.result("D0", "D1", "D2");
        o.add("parameters", params);
        o.addProperty("sampler", sampler.describe());
        o.addProperty("score", "exact score of the OU-noised mixture (oracle)");
        o.add("tv_histogram", SimulationOutput.simulated(res.tv()));
        o.addProperty("noise_floor", num(res.noiseFloor()));
        RunOptions.finish(dir, csv, o);
        if (common.json()) {
            SimulationOutput.emit(spec, Json.print(o));
            return;
        }
        SimulationOutput.emit(spec, SimulationOutput.labels("D0", "D1", "D2") + SimulationOutput.SIMULATED + "\n"
                + "score: exact score of the OU-noised mixture p0 = " + mix.spec() + "\n"
                + "sampler: " + sampler.describe() + "\n"
                + "TV(sampler output, p0), histogram estimate (" + model.bins + " bins + 2 tails, n = " + n
                + "): " + cell(res.tv()) + "\n"
                + "estimator noise floor at this n (its value when the sampler were exact): " + num(res.noiseFloor())
                + "\n");
    }
}
