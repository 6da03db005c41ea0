package org.loopbound.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.math.BigInteger;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Rational;
import org.loopbound.bound.ScenarioParameter;
import org.loopbound.io.TextFile;
import org.loopbound.oracle.GenerationTest;
import org.loopbound.oracle.GenerationVerdict;
import org.loopbound.oracle.Observations;
import org.loopbound.oracle.ObservationsCsv;
import org.loopbound.oracle.SimulatorCheck;
import org.loopbound.sim.SimulationConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code loopbound check-sim CSV}: tests another implementation's simulation of the discrete loop, declared with the
 * options of {@code simulate}, generation by generation against loopbound's exact law, exact identities or own
 * simulation, with Holm's control of the family-wise error.
 */
@Command(name = "check-sim", sortOptions = false, modelTransformer = ScenarioOptions.Install.class,
        description = {
            "Tests another simulator of the discrete loop (test-oracle mode). Declare the loop with simulate's options",
            "(scenario, p0, N, lambda, generations, learner, mixing) and give the simulator's per-replicate results as",
            "CSV with a header: replicate,generation,tv and optionally gini_simpson and count_0..count_{k-1} (the",
            "counts of the N_i training draws, model = counts/N_i); every replicate needs every generation 0..i.",
            "Per generation it tests E TV and the law of TV against the exact Markov chain when its state space",
            "allows (z-test, chi-square), else against loopbound's own simulation (Welch t, two-sample",
            "Kolmogorov-Smirnov); for the empirical learner also the exact identities E p-hat_i = p0,",
            "E[sum (p-hat - p0)^2/p0] = a_i (k'-1) and E[1 - sum p-hat^2] = (1 - a_i)(1 - sum p0^2) (a_i: the exact",
            "covariance coefficient of the loop). Holm's procedure keeps the family-wise error over all tests <= alpha.",
            "Each E TV row states the smallest shift of E TV the test detects with the given power: a PASS says no",
            "more than that. All tests are asymptotic (normal/chi-square over replicates).",
            "Exit code: 0 every test passes, 1 some test fails, 2 bad input (with the CSV line)."})
public final class CheckSimCommand implements Callable<Integer>, ScenarioOptions.Command {

    /** Sizes whose count vectors fit a long and whose simulation costs O(k) per generation. */
    private static final ScenarioOptions.Limits LIMITS = new ScenarioOptions.Limits(ScenarioParameter.MAX_GENERATIONS, 1,
            BigInteger.valueOf(SimulationConfig.MAX_SIZE));

    final ScenarioOptions scenario = ScenarioOptions.of(LIMITS, 10);

    @Parameters(index = "0", paramLabel = "CSV", description = "The simulator's per-replicate results.")
    String file = "";

    @Mixin
    LoopOptions loop = new LoopOptions();

    @Option(names = "--alpha", defaultValue = "1/100", paramLabel = "α",
            description = "Family-wise level: P(some test FAILs | the simulator is right) <= alpha (Holm)"
                    + " (default: ${DEFAULT-VALUE}).")
    @Domains.In("(0, 1)")
    Rational alpha = Rational.of(1, 100);

    @Option(names = "--power", defaultValue = "4/5", paramLabel = "power",
            description = "Power at which the detectable shift of E TV is stated (default: ${DEFAULT-VALUE}).")
    @Domains.In("(0, 1)")
    Rational power = Rational.of(4, 5);

    @Option(names = "--ground-truth", defaultValue = "auto", paramLabel = "G",
            description = "auto: the exact chain when it accepts the configuration, else simulation | exact |"
                    + " simulation (default: ${DEFAULT-VALUE}).")
    String groundTruth = "auto";

    @Option(names = "--reference-replicates", defaultValue = "2000", paramLabel = "R_ref",
            description = "Replicates of loopbound's own simulation when it is the reference (default:"
                    + " ${DEFAULT-VALUE}).")
    @Domains.In("[2, " + SimulationConfig.MAX_REPLICATES + "]")
    int referenceReplicates;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "SEED",
            description = "Seed of loopbound's own simulation (default: ${DEFAULT-VALUE}).")
    @Domains.In(Domains.LONG)
    long seed;

    @Option(names = "--threads", paramLabel = "THREADS",
            description = "Worker threads (default: all cores); never changes any output byte.")
    @Domains.In(Domains.THREADS)
    @Nullable Integer threads;

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
    public Integer call() {
        double a = alpha.doubleValue();
        double pw = power.doubleValue();
        SimulatorCheck.GroundTruth truth = groundTruth();
        SimulationConfig config = loop.builder(scenario).replicates(referenceReplicates).seed(seed)
                .precision(common.precision()).build();
        List<Long> sizes = new ArrayList<>();
        for (int i = 0; i <= config.generations(); i++) {
            sizes.add(config.size(i));
        }
        Observations obs = read(sizes, config.p0().atoms());
        SimulatorCheck.Report report;
        try {
            report = SimulatorCheck.run(config, obs, truth, a, pw, Domains.threads(threads));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        String text = common.json() ? Json.print(json(config, report)) : table(config, report);
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        return report.passed() ? 0 : Main.EXIT_FAILURE;
    }

    private SimulatorCheck.GroundTruth groundTruth() {
        switch (groundTruth.strip().toLowerCase(Locale.ROOT)) {
            case "auto":
                return SimulatorCheck.GroundTruth.AUTO;
            case "exact":
                return SimulatorCheck.GroundTruth.EXACT;
            case "simulation":
                return SimulatorCheck.GroundTruth.SIMULATION;
            default:
                throw new UsageError("--ground-truth must be auto, exact or simulation, got '"
                        + org.loopbound.param.ParameterException.cut(groundTruth) + "'");
        }
    }

    private Observations read(List<Long> sizes, int atoms) {
        return ObservationsCsv.read(TextFile.read(Paths.get(file)), file, sizes, atoms);
    }

    private JsonObject json(SimulationConfig c, SimulatorCheck.Report r) {
        JsonObject o = new JsonObject();
        o.addProperty("command", "check-sim");
        JsonObject params = new JsonObject();
        scenario.describe(params);
        params.addProperty("p0", c.p0().spec());
        params.addProperty("learner", c.learner().name());
        Json.addIfPresent(params, "beta", loop.beta);
        params.addProperty("mixing", c.mixing().cliName());
        params.addProperty("csv", file);
        params.addProperty("alpha", alpha.toString());
        params.addProperty("power", power.toString());
        params.addProperty("ground_truth", groundTruth.strip().toLowerCase(Locale.ROOT));
        params.addProperty("reference_replicates", referenceReplicates);
        params.addProperty("seed", Long.toString(seed));
        o.add("parameters", params);
        o.addProperty("replicates", r.replicates());
        o.addProperty("reference", r.groundTruth());
        o.addProperty("identities", r.identities());
        o.addProperty("method", "per-generation tests, two-sided and asymptotic; Holm over all tests; p-values and"
                + " shifts are double-precision approximations, not certified values");
        JsonArray tests = new JsonArray();
        for (GenerationTest t : r.tests()) {
            JsonObject v = new JsonObject();
            v.addProperty("generation", t.generation());
            v.addProperty("statistic", t.statistic().label());
            v.addProperty("test", t.method());
            v.addProperty("observed", t.observed());
            if (!Double.isNaN(t.expected())) {
                v.addProperty("expected", t.expected());
            }
            v.addProperty("p_value", t.pValue());
            v.addProperty("holm_p_value", t.holmPValue());
            v.addProperty("verdict", t.pass() ? "PASS" : "FAIL");
            if (!Double.isNaN(t.detectableShift())) {
                v.addProperty("detectable_shift_e_tv", t.detectableShift());
            }
            tests.add(v);
        }
        o.add("tests", tests);
        o.add("generations", generations(r));
        o.addProperty("verdict", r.passed() ? "PASS" : "FAIL");
        return o;
    }

    /** Per generation: the verdict, its smallest Holm p-value with the statistic, and E TV's detectable shift. */
    private static JsonArray generations(SimulatorCheck.Report r) {
        JsonArray out = new JsonArray();
        for (GenerationVerdict g : r.byGeneration()) {
            JsonObject v = new JsonObject();
            v.addProperty("generation", g.generation());
            v.addProperty("verdict", g.pass() ? "PASS" : "FAIL");
            v.addProperty("min_holm_p_value", g.weakest().holmPValue());
            v.addProperty("min_statistic", g.weakest().statistic().label());
            v.addProperty("min_test", g.weakest().method());
            if (!Double.isNaN(g.detectableShift())) {
                v.addProperty("detectable_shift_e_tv", g.detectableShift());
            }
            out.add(v);
        }
        return out;
    }

    private String table(SimulationConfig c, SimulatorCheck.Report r) {
        StringBuilder b = new StringBuilder();
        b.append("check-sim: ").append(file).append(" (").append(r.replicates()).append(" replicates) against ")
                .append(c.scenario().cliName()).append("; p0 ").append(c.p0().spec()).append("; ")
                .append(c.mixing().cliName()).append(" mixing; learner ").append(c.learner().name()).append('\n');
        b.append("TV reference: ").append(r.groundTruth()).append('\n');
        b.append("identities: ").append(r.identities()).append('\n');
        b.append("family-wise level alpha = ").append(alpha).append(" (Holm over ").append(r.tests().size())
                .append(" tests); shift = smallest |E TV - reference| detected with power ").append(power)
                .append(" at level alpha/").append(r.tests().size()).append('\n');
        Table summary = new Table("i", "verdict", "smallest Holm p", "of", "E TV shift detectable");
        for (GenerationVerdict g : r.byGeneration()) {
            summary.row(Integer.toString(g.generation()), g.pass() ? "PASS" : "FAIL",
                    approx(g.weakest().holmPValue()), g.weakest().statistic().label(), approx(g.detectableShift()));
        }
        b.append(summary.render()).append("every test:\n");
        Table t = new Table("i", "verdict", "statistic", "test", "observed", "expected", "p", "Holm p",
                "E TV shift");
        for (GenerationTest g : r.tests()) {
            t.row(Integer.toString(g.generation()), g.pass() ? "PASS" : "FAIL", g.statistic().label(), g.method(),
                    approx(g.observed()), approx(g.expected()), approx(g.pValue()), approx(g.holmPValue()),
                    approx(g.detectableShift()));
        }
        b.append(t.render());
        int failing = 0;
        int first = -1;
        List<String> firstStatistics = new ArrayList<>();
        for (GenerationTest g : r.tests()) {
            if (!g.pass()) {
                failing++;
                if (first < 0) {
                    first = g.generation();
                }
                if (g.generation() == first) {
                    firstStatistics.add(g.statistic().label());
                }
            }
        }
        b.append(r.passed() ? "PASS: no test rejects the declared loop at family-wise level " + alpha
                : "FAIL: " + failing + " of " + r.tests().size() + " tests; first failing generation " + first + " ("
                        + String.join(", ", firstStatistics) + ")").append('\n');
        b.append("values are double-precision approximations (~), not certified.\n");
        return b.toString();
    }

    private static String approx(double v) {
        return Double.isNaN(v) ? "-" : "~" + String.format(Locale.ROOT, "%.4g", v);
    }
}
