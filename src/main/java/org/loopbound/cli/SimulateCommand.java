package org.loopbound.cli;

import com.google.gson.JsonObject;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Rational;
import org.loopbound.bound.ScenarioParameter;
import org.loopbound.run.RunDirectory;
import org.loopbound.sim.ReplicateResult;
import org.loopbound.sim.SimulationConfig;
import org.loopbound.sim.SimulationSummary;
import org.loopbound.sim.Simulator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code loopbound simulate}: the discrete self-consuming loop on k atoms, replicated, with the exact TV(p̂_i, p₀)
 * of every generation checked against the R3 bound B_i built from EPS-EMP.
 */
@Command(name = "simulate", sortOptions = false, modelTransformer = ScenarioOptions.Install.class,
        description = {
            "Simulates the discrete loop of theory.md section 6: each generation fits the empirical distribution",
            "(or add-beta smoothing) to N_i draws mixed from p0 and earlier models, for the scenarios of section 1.",
            "Per generation: exact TV(p_i, p0) across replicates, diversity, atoms lost, and the R3 bound B_i with",
            "eps(N, delta, k) of EPS-EMP; a replicate violates B_i when its exact TV exceeds hi(B_i); the verdict",
            "tests the violation rate against (i+1) delta. B_i is this project's reconstruction (R3 [derived], EPS-EMP",
            "[derived], McDiarmid's inequality [imported]), not the paper's own theorem.",
            "Output does not depend on --threads. --eps-scale != 1 deliberately scales eps, to show that a wrong",
            "bound is caught (a falsification aid, not a bound)."})
public final class SimulateCommand implements Runnable, ScenarioOptions.Command {

    /** Sizes up to 10^12: the loop draws O(k) binomials per generation, whatever N. */
    private static final ScenarioOptions.Limits LIMITS = new ScenarioOptions.Limits(ScenarioParameter.MAX_GENERATIONS, 1,
            BigInteger.valueOf(SimulationConfig.MAX_SIZE));

    final ScenarioOptions scenario = ScenarioOptions.of(LIMITS, 10);
    /** Operations per atom, generation and replicate: a binomial draw, the TV and diversity terms (measured order). */
    private static final double ATOM_STEP = 50;

    @Mixin
    LoopOptions loop = new LoopOptions();

    @Option(names = "--replicates", defaultValue = "100", paramLabel = "R",
            description = "Independent replicates (default: ${DEFAULT-VALUE}).")
    @Domains.In("[1, " + SimulationConfig.MAX_REPLICATES + "]")
    int replicates;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "SEED",
            description = "Seed; replicate j uses a stream derived from (seed, j) (default: ${DEFAULT-VALUE}).")
    @Domains.In(Domains.LONG)
    long seed;

    @Option(names = "--delta", defaultValue = "1/100", paramLabel = "δ",
            description = "Per-generation failure probability delta of eps; B_i holds with probability"
                    + " >= 1 - (i+1) delta (default: ${DEFAULT-VALUE}).")
    @Domains.In("(0, 1)")
    Rational delta = Rational.of(1, 100);

    @Option(names = "--alpha-test", defaultValue = "1/1000", paramLabel = "α_test",
            description = "Level of the one-sided exact binomial test of H0: violation rate <= (i+1) delta; FAIL"
                    + " when the p-value is below it (default: ${DEFAULT-VALUE}).")
    @Domains.In("(0, 1)")
    Rational alphaTest = Rational.of(1, 1000);

    @Option(names = "--eps-scale", defaultValue = "1", paramLabel = "c",
            description = "Falsification aid: use c*eps instead of eps. With c < 1 the 'bound' is wrong on"
                    + " purpose and the verdicts should say FAIL (default: ${DEFAULT-VALUE}).")
    @Domains.In("(0, ∞)")
    Rational epsScale = Rational.ONE;

    @Option(names = "--threads", paramLabel = "THREADS",
            description = "Worker threads (default: all cores); never changes any output byte.")
    @Domains.In(Domains.THREADS)
    @Nullable Integer threads;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write config.json, replicates/rep-NNNNNN.json (one per finished replicate),"
                    + " generations.csv and summary.json there, each atomically (failure.json if the run fails);"
                    + " DIR must be absent, empty, or a simulate run.")
    @Nullable Path out;

    @Option(names = "--resume", description = "Continue the run in --out DIR (same configuration required),"
            + " computing only the replicates without a record.")
    boolean resume;

    @Mixin
    CommonOptions common = new CommonOptions();

    @CommandLine.Spec
    @SuppressWarnings("nullness:initialization.field.uninitialized") // injected by picocli
    CommandLine.Model.CommandSpec spec;

    @Override
    public ScenarioOptions scenarioOptions() {
        return scenario;
    }

    @Override
    public void run() {
        // Each replicate draws one binomial per atom and generation and computes the exact TV over the atoms: checked
        // for two atoms before the configuration (whose bounds alone take long for a million generations), then for k.
        cost(2);
        SimulationConfig config = config();
        cost(config.p0().atoms());
        JsonObject parameters = parameters(config);
        int t = threads();
        RunDirectory dir = RunDirectory.open(out, resume, "simulate", Main.version(), parameters, "replicates", "rep");
        Map<Integer, ReplicateResult> done = dir == null ? new HashMap<>() : stored(dir, config);
        long work = (long) (config.replicates() - done.size()) * (config.generations() + 1L);
        List<ReplicateResult> results;
        try (Progress progress = Progress.start(spec.commandLine().getErr(), "simulate", work)) {
            results = RunDirectory.recordingFailure(dir, () -> new Simulator(config).run(t, done, r -> {
                if (dir != null) {
                    dir.store(r.replicate(), r.toJson());
                }
            }, progress::advance));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted; finished replicates are kept for --resume", e);
        }
        SimulationSummary summary = SimulationSummary.of(config, results);
        JsonObject json = SimulateOutput.json(config, parameters, summary, common.digits());
        if (dir != null) {
            dir.write("generations.csv", SimulateOutput.csv(config, summary));
            dir.write("summary.json", Json.print(json));
        }
        String text = common.json() ? Json.print(json)
                : SimulateOutput.table(config, summary, common.tableDigits());
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
    }

    private SimulationConfig config() {
        return loop.builder(scenario).replicates(replicates).seed(seed).delta(delta).epsScale(epsScale)
                .alphaTest(alphaTest).precision(common.precision()).build();
    }

    private void cost(int atoms) {
        int g = scenario.generations();
        Cost.check(spec, (g + 1.0) * replicates * atoms * ATOM_STEP, replicates + " replicates of generations 0.." + g
                + " on " + atoms + " atoms", "fewer --replicates or --generations");
    }

    private int threads() {
        return Domains.threads(threads);
    }

    /** The canonical configuration: everything that determines the results, and nothing else (not --threads). */
    private JsonObject parameters(SimulationConfig c) {
        JsonObject o = new JsonObject();
        scenario.describe(o);
        o.addProperty("p0", c.p0().spec());
        o.addProperty("atoms", c.p0().atoms());
        o.addProperty("replicates", c.replicates());
        o.addProperty("seed", Long.toString(c.seed()));
        o.addProperty("delta", c.delta().toString());
        o.addProperty("learner", c.learner().name());
        Rational b = c.learner().beta();
        if (b != null) {
            o.addProperty("beta", b.toString());
        }
        o.addProperty("mixing", c.mixing().cliName());
        o.addProperty("alpha_test", c.alphaTest().toString());
        o.addProperty("eps_scale", c.epsScale().toString());
        o.addProperty("precision_bits", c.precision().bits());
        return o;
    }


    /** The records of a resumed run's finished replicates; each must be the replicate its file name says. */
    private static Map<Integer, ReplicateResult> stored(RunDirectory dir, SimulationConfig config) {
        Map<Integer, ReplicateResult> done = dir.records(config.replicates(), ReplicateResult::fromJson);
        for (Map.Entry<Integer, ReplicateResult> e : done.entrySet()) {
            if (e.getValue().replicate() != e.getKey() || e.getValue().length() != config.generations() + 1) {
                throw new UsageError("--resume: the record of replicate " + e.getKey()
                        + " does not belong to this configuration");
            }
        }
        return new HashMap<>(done);
    }
}
