package org.loopbound.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.arith.Rounding;
import org.loopbound.bound.Scenario;
import org.loopbound.bound.Schedule;
import org.loopbound.sim.AtomDistribution;
import org.loopbound.sim.GenerationSummary;
import org.loopbound.sim.Learner;
import org.loopbound.sim.Mixing;
import org.loopbound.sim.ReplicateResult;
import org.loopbound.sim.SimulationConfig;
import org.loopbound.sim.SimulationSummary;
import org.loopbound.sim.Simulator;
import org.loopbound.sim.Verdict;
import org.loopbound.spec.ResultIndex;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code loopbound simulate}: the discrete self-consuming loop on k atoms, replicated, with the exact TV(p̂_i, p₀)
 * of every generation checked against the R3 bound B_i built from EPS-EMP.
 */
@Command(name = "simulate", sortOptions = false, defaultValueProvider = ScenarioOptions.TenGenerations.class,
        description = {
            "Simulates the discrete loop of theory.md section 6: each generation fits the empirical distribution",
            "(or add-beta smoothing) to N_i draws mixed from p0 and earlier models, for the scenarios of section 1.",
            "Per generation: exact TV(p_i, p0) across replicates, diversity, atoms lost, and the R3 bound B_i with",
            "eps(N, delta, k) of EPS-EMP; a replicate violates B_i when its exact TV exceeds hi(B_i); the verdict",
            "tests the violation rate against (i+1) delta. B_i is this project's reconstruction (R3 [derived], EPS-EMP",
            "[derived], McDiarmid's inequality [imported]), not the paper's own theorem.",
            "Output does not depend on --threads. --eps-scale != 1 deliberately scales eps, to show that a wrong",
            "bound is caught (a falsification aid, not a bound)."})
public final class SimulateCommand implements Runnable {

    /** Sizes up to 10^12: the loop draws O(k) binomials per generation, whatever N. */
    private static final ScenarioOptions.Limits LIMITS = new ScenarioOptions.Limits(Domains.MAX_GENERATIONS, 1,
            BigInteger.valueOf(SimulationConfig.MAX_SIZE), "10^12");

    @Mixin ScenarioOptions scenario = new ScenarioOptions();
    @Mixin ScenarioOptions.SampleSize size = new ScenarioOptions.SampleSize();

    @Option(names = "--p0", required = true, paramLabel = "p₀",
            description = "Real distribution: exact weights summing to 1 (e.g. 1/2,1/4,1/4) or uniform:k,"
                    + " zipf:k:s (p_j ~ j^-s, s whole), geometric:k:q (p_j ~ q^j, 0 < q < 1); k <= 10^7.")
    String p0 = "";

    @Option(names = "--replicates", defaultValue = "100", paramLabel = "R",
            description = "Independent replicates, in [1, 10^7] (default: ${DEFAULT-VALUE}).")
    int replicates;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "SEED",
            description = "Seed, a whole number in [-2^63, 2^63-1]; replicate j uses a stream derived from"
                    + " (seed, j) (default: ${DEFAULT-VALUE}).")
    String seed = "1";

    @Option(names = "--delta", converter = RationalConverter.class, defaultValue = "1/100", paramLabel = "δ",
            description = "Per-generation failure probability delta of eps, in (0, 1); B_i holds with probability"
                    + " >= 1 - (i+1) delta (default: ${DEFAULT-VALUE}).")
    Rational delta = Rational.of(1, 100);

    @Option(names = "--learner", defaultValue = "empirical", paramLabel = "L",
            description = "empirical (counts/N, has eps of EPS-EMP) | add-beta (no proven eps: no bound, verdict"
                    + " NO-BOUND) (default: ${DEFAULT-VALUE}).")
    String learner = "empirical";

    @Option(names = "--beta", converter = RationalConverter.class, paramLabel = "β",
            description = "add-beta smoothing constant beta > 0 (exact).")
    @Nullable Rational beta;

    @Option(names = "--mixing", defaultValue = "stratified", paramLabel = "M",
            description = "stratified: exactly lambda_j N_j real draws (must be whole) and the rest from the"
                    + " earlier models | iid: N_j i.i.d. draws from the mixture q_j (default: ${DEFAULT-VALUE}).")
    String mixing = "stratified";

    @Option(names = "--alpha-test", converter = RationalConverter.class, defaultValue = "1/1000",
            paramLabel = "α_test",
            description = "Level of the one-sided exact binomial test of H0: violation rate <= (i+1) delta; FAIL"
                    + " when the p-value is below it, in (0, 1) (default: ${DEFAULT-VALUE}).")
    Rational alphaTest = Rational.of(1, 1000);

    @Option(names = "--eps-scale", converter = RationalConverter.class, defaultValue = "1", paramLabel = "c",
            description = "Falsification aid: use c*eps instead of eps (c > 0). With c < 1 the 'bound' is wrong on"
                    + " purpose and the verdicts should say FAIL (default: ${DEFAULT-VALUE}).")
    Rational epsScale = Rational.ONE;

    @Option(names = "--threads", paramLabel = "THREADS",
            description = "Worker threads in [1, 1024] (default: all cores); never changes any output byte.")
    @Nullable Integer threads;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write config.json, replicates/rep-NNNNNN.json (one per finished replicate),"
                    + " generations.csv and summary.json there, each atomically.")
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
    public void run() {
        SimulationConfig config = config();
        JsonObject parameters = parameters(config);
        int t = threads();
        RunDirectory dir = RunDirectory.open(out, resume, "simulate", parameters, "replicates", "rep");
        Map<Integer, ReplicateResult> done = dir == null ? new HashMap<>() : stored(dir, config);
        long work = (long) (config.replicates() - done.size()) * (config.generations() + 1L);
        List<ReplicateResult> results;
        try (Progress progress = Progress.start(spec.commandLine().getErr(), "simulate", work)) {
            results = new Simulator(config).run(t, done, r -> {
                if (dir != null) {
                    dir.store(r.replicate(), r.toJson());
                }
            }, progress::advance);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted; finished replicates are kept for --resume", e);
        }
        SimulationSummary summary = SimulationSummary.of(config, results);
        JsonObject json = json(config, parameters, summary);
        if (dir != null) {
            dir.write("generations.csv", csv(config, summary));
            dir.write("summary.json", Json.print(json));
        }
        String text = common.json() ? Json.print(json) : table(config, summary);
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
    }

    private SimulationConfig config() {
        Scenario sc = scenario.scenario();
        Schedule schedule = scenario.schedule(size.n, LIMITS);
        if (replicates < 1 || replicates > SimulationConfig.MAX_REPLICATES) {
            throw new UsageError("--replicates must be in [1, " + SimulationConfig.MAX_REPLICATES + "], got "
                    + replicates);
        }
        AtomDistribution dist = AtomDistribution.parse(p0);
        Domains.open("--delta", delta, Rational.ZERO, Rational.ONE);
        Domains.open("--alpha-test", alphaTest, Rational.ZERO, Rational.ONE);
        Domains.positive("--eps-scale", epsScale);
        Mixing mix = Mixing.byName(mixing);
        if (mix == null) {
            throw new UsageError("--mixing must be stratified or iid, got '" + mixing + "'");
        }
        Precision p = common.precision();
        return new SimulationConfig(sc, schedule, dist, learnerModel(), mix, replicates, seedValue(), delta,
                epsScale, alphaTest, p);
    }

    private Learner learnerModel() {
        String l = learner.toLowerCase(Locale.ROOT);
        if (l.equals("empirical")) {
            if (beta != null) {
                throw new UsageError("--beta is only for --learner add-beta");
            }
            return Learner.empirical();
        }
        if (l.equals("add-beta")) {
            return Learner.addBeta(Domains.positive("--beta", Domains.required("--beta", beta,
                    "with --learner add-beta")));
        }
        throw new UsageError("--learner must be empirical or add-beta, got '" + learner + "'");
    }

    private long seedValue() {
        try {
            return Long.parseLong(seed.trim());
        } catch (NumberFormatException e) {
            throw new UsageError("--seed must be a whole number in [-2^63, 2^63-1], got '" + seed + "'");
        }
    }

    private int threads() {
        return Domains.threads(threads);
    }

    /** The canonical configuration: everything that determines the results, and nothing else (not --threads). */
    private JsonObject parameters(SimulationConfig c) {
        JsonObject o = new JsonObject();
        scenario.describe(o, size.n);
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

    // ---- output ----

    private String resultId(SimulationConfig c) {
        return c.scenario() == Scenario.ACCUMULATE ? "R5" : "R3";
    }

    private JsonObject json(SimulationConfig c, JsonObject parameters, SimulationSummary summary) {
        int digits = common.digits();
        JsonObject o = Json.resultObject(resultId(c));
        o.add("parameters", parameters);
        o.addProperty("version", Main.version());
        JsonArray uses = new JsonArray();
        for (String id : c.scenario() == Scenario.ACCUMULATE ? List.of("R3", "R5", "EPS-EMP")
                : List.of("R3", "EPS-EMP")) {
            JsonObject u = new JsonObject();
            ResultIndex.Result r = ResultIndex.bundled().get(id);
            u.addProperty("result", r.id());
            u.addProperty("label", r.label().tag());
            uses.add(u);
        }
        o.add("uses", uses);
        o.addProperty("provenance", "B_i is this project's reconstruction: R3 [derived] with eps(N, delta, k) of"
                + " EPS-EMP [derived], which uses McDiarmid's inequality [imported]; not the paper's own theorem or"
                + " constant");
        JsonObject learnerObject = new JsonObject();
        learnerObject.addProperty("name", c.learner().name());
        learnerObject.addProperty("learning_error", c.learner().describe());
        learnerObject.addProperty("proven_error", c.learner().hasProvenError());
        o.add("learner", learnerObject);
        if (!c.epsScale().equals(Rational.ONE)) {
            o.addProperty("warning", "eps scaled by " + c.epsScale() + " (--eps-scale): the bound tested is NOT"
                    + " B_i; this run checks that a wrong bound is detected");
        }
        o.add("methods", methods());
        JsonArray gens = new JsonArray();
        for (GenerationSummary s : summary.generations()) {
            JsonObject v = new JsonObject();
            v.addProperty("generation", s.generation());
            v.addProperty("n", Long.toString(s.size()));
            v.add("lambda", Json.value(Certified.exact(s.lambda()), digits));
            v.add("mean_tv", Json.value(Certified.exact(s.meanTv()), digits));
            v.add("tv_ci", interval(s.tvCiLo(), s.tvCiHi()));
            JsonObject q = new JsonObject();
            q.add("min", Json.value(Certified.exact(s.tvMin()), digits));
            q.add("median", Json.value(Certified.exact(s.tvMedian()), digits));
            q.add("p90", Json.value(Certified.exact(s.tvP90()), digits));
            q.add("max", Json.value(Certified.exact(s.tvMax()), digits));
            v.add("tv_quantiles", q);
            v.add("gini_simpson", estimate(s.giniSimpson()));
            v.add("gini_simpson_ci", interval(s.giniCiLo(), s.giniCiHi()));
            v.add("entropy", estimate(s.entropy()));
            v.add("atoms_lost", Json.value(Certified.exact(s.atomsLost()), digits));
            if (c.scenario() == Scenario.FULLY_SYNTHETIC) {
                v.addProperty("fixed_replicates", s.fixedReplicates());
            }
            Certified b = s.bound();
            // JSON printing drops nulls, so "no bound" is said in words.
            if (b == null) {
                v.addProperty("bound", "none: the learner has no proven learning error eps");
            } else {
                v.add("bound", Json.value(b, digits));
            }
            v.add("failure_probability", Json.value(Certified.exact(s.failureProbability()), digits));
            v.addProperty("violations", s.violations());
            v.add("violation_rate", Json.value(Certified.exact(s.violationRate()), digits));
            v.add("violation_ci", interval(s.violationCiLo(), s.violationCiHi()));
            v.add("p_value", estimate(s.pValue()));
            v.addProperty("verdict", s.verdict().text());
            gens.add(v);
        }
        o.add("generations", gens);
        if (c.scenario() == Scenario.FULLY_SYNTHETIC) {
            JsonObject f = new JsonObject();
            for (Map.Entry<Integer, Integer> e : summary.fixation().entrySet()) {
                f.addProperty(Integer.toString(e.getKey()), e.getValue());
            }
            o.add("fixation_counts", f);
        }
        return o;
    }

    private static JsonObject methods() {
        JsonObject m = new JsonObject();
        m.addProperty("tv", "exact TV(p_i, p0) = (1/2) sum_j |c_j/N - p0_j| per replicate, as a rational");
        m.addProperty("mean_tv", "exact mean over replicates");
        m.addProperty("tv_ci", "95% Student-t interval for the mean (double precision, ends rounded outward to"
                + " 6 significant digits)");
        m.addProperty("tv_quantiles", "nearest rank: the ceil(qR)-th smallest exact TV (q = 0, 1/2, 9/10, 1)");
        m.addProperty("gini_simpson", "mean of 1 - sum_j p_j^2 with a 95% Student-t interval (double precision,"
                + " 10 significant digits)");
        m.addProperty("entropy", "mean of -sum_j p_j ln p_j in nats (double precision, 10 significant digits)");
        m.addProperty("atoms_lost", "exact mean number of atoms with p0_j > 0 and p_j = 0");
        m.addProperty("violation", "exact TV > hi(B_i), the upper end of the certified enclosure of B_i"
                + " (conservative: TVs between B_i and hi(B_i) are not counted)");
        m.addProperty("violation_ci", "95% Clopper-Pearson (exact binomial) interval via Beta quantiles");
        m.addProperty("verdict", "one-sided exact binomial test of H0: violation rate <= (i+1) delta; FAIL when"
                + " P(Bin(R, (i+1) delta) >= violations) < alpha_test, else PASS; VACUOUS when (i+1) delta >= 1;"
                + " NO-BOUND for a learner without a proven eps");
        return m;
    }

    private static JsonElement interval(double lo, double hi) {
        if (Double.isNaN(lo) || Double.isNaN(hi)) {
            return new JsonPrimitive("undefined for a single replicate");
        }
        JsonObject o = new JsonObject();
        o.addProperty("lo", decimal(lo, 6, RoundingMode.FLOOR));
        o.addProperty("hi", decimal(hi, 6, RoundingMode.CEILING));
        return o;
    }

    private static JsonElement estimate(double x) {
        return new JsonPrimitive(Double.isNaN(x) ? "none" : decimal(x, 10, RoundingMode.HALF_EVEN));
    }

    /** A double statistic as a decimal string with {@code digits} significant digits. */
    private static String decimal(double x, int digits, RoundingMode mode) {
        if (x == 0) {
            return "0";
        }
        return new BigDecimal(x).round(new MathContext(digits, mode)).stripTrailingZeros().toString();
    }

    /** A short decimal for tables: plain when it is the exact value, else marked "~" (rounded down). */
    private static String shortExact(Rational x) {
        BigDecimal d = x.toDecimal(6, Rounding.DOWN);
        String text = d.stripTrailingZeros().toPlainString();
        return Rational.of(d).equals(x) ? text : "~" + text;
    }

    private String table(SimulationConfig c, SimulationSummary summary) {
        int digits = common.tableDigits();
        ResultIndex.Result r = ResultIndex.bundled().get(resultId(c));
        StringBuilder b = new StringBuilder();
        b.append(r.headline()).append(" with EPS-EMP ").append(ResultIndex.bundled().get("EPS-EMP").label().tag())
                .append(" (McDiarmid [imported]) - a reconstruction, not the paper's own theorem\n");
        b.append("scenario ").append(c.scenario().cliName()).append("; p0 ").append(c.p0().spec()).append(" (k = ")
                .append(c.p0().atoms()).append("); ").append(c.mixing().cliName()).append(" mixing; ")
                .append(c.replicates()).append(" replicates; seed ").append(c.seed()).append("; delta ")
                .append(c.delta()).append('\n');
        b.append("learner: ").append(c.learner().describe()).append('\n');
        if (!c.epsScale().equals(Rational.ONE)) {
            b.append("WARNING: eps scaled by ").append(c.epsScale())
                    .append(" (--eps-scale): the bound tested is NOT B_i\n");
        }
        Table t = new Table("i", "N_i", "lambda_i", "mean TV", "95% t-CI", "median TV", "max TV", "Gini-Simpson",
                "lost", "B_i", "(i+1)delta", "violations", "95% CP-CI", "verdict");
        for (GenerationSummary s : summary.generations()) {
            Certified bound = s.bound();
            t.row(Integer.toString(s.generation()), Long.toString(s.size()), s.lambda().toString(),
                    shortExact(s.meanTv()), ci(s.tvCiLo(), s.tvCiHi()), shortExact(s.tvMedian()),
                    shortExact(s.tvMax()), Double.isNaN(s.giniSimpson()) ? "-" : "~" + decimal(s.giniSimpson(), 6,
                            RoundingMode.HALF_EVEN),
                    shortExact(s.atomsLost()), bound == null ? "none" : Table.cell(bound, digits),
                    s.failureProbability().toString(), s.violations() + "/" + c.replicates(),
                    ci(s.violationCiLo(), s.violationCiHi()), s.verdict().text());
        }
        b.append(t.render());
        b.append("~: rounded down to 6 significant digits (exact values in --json). CIs: double precision, outward.\n");
        b.append("violation: exact TV > hi(B_i) (conservative). verdict: one-sided exact binomial test of"
                + " rate <= (i+1)delta at level ").append(c.alphaTest()).append(".\n");
        if (c.scenario() == Scenario.FULLY_SYNTHETIC) {
            b.append("fixation at generation ").append(c.generations()).append(" (atom: replicates): ")
                    .append(summary.fixation().isEmpty() ? "none" : summary.fixation().toString()).append('\n');
        }
        if (summary.generations().stream().anyMatch(s -> s.verdict() == Verdict.FAIL)) {
            b.append("FAIL: the observed violation rate is significantly above (i+1)delta in some generation.\n");
        }
        return b.toString();
    }

    private static String ci(double lo, double hi) {
        if (Double.isNaN(lo) || Double.isNaN(hi)) {
            return "-";
        }
        return "[" + decimal(lo, 4, RoundingMode.FLOOR) + ", " + decimal(hi, 4, RoundingMode.CEILING) + "]";
    }

    private String csv(SimulationConfig c, SimulationSummary summary) {
        StringBuilder b = new StringBuilder();
        b.append("generation,n,lambda,mean_tv,mean_tv_decimal,tv_ci_lo,tv_ci_hi,tv_min,tv_median,tv_p90,tv_max,"
                + "gini_simpson,gini_ci_lo,gini_ci_hi,entropy,atoms_lost,fixed_replicates,bound_lo,bound_hi,"
                + "failure_probability,violations,violation_rate,violation_ci_lo,violation_ci_hi,p_value,verdict\n");
        for (GenerationSummary s : summary.generations()) {
            Certified bound = s.bound();
            String[] cells = {
                Integer.toString(s.generation()), Long.toString(s.size()), s.lambda().toString(),
                s.meanTv().toString(), s.meanTv().toDecimal(12, Rounding.DOWN).toString(),
                csvDouble(s.tvCiLo(), RoundingMode.FLOOR), csvDouble(s.tvCiHi(), RoundingMode.CEILING),
                s.tvMin().toDecimal(12, Rounding.DOWN).toString(),
                s.tvMedian().toDecimal(12, Rounding.DOWN).toString(),
                s.tvP90().toDecimal(12, Rounding.DOWN).toString(), s.tvMax().toDecimal(12, Rounding.DOWN).toString(),
                csvDouble(s.giniSimpson(), RoundingMode.HALF_EVEN), csvDouble(s.giniCiLo(), RoundingMode.FLOOR),
                csvDouble(s.giniCiHi(), RoundingMode.CEILING), csvDouble(s.entropy(), RoundingMode.HALF_EVEN),
                s.atomsLost().toString(), Integer.toString(s.fixedReplicates()),
                bound == null ? "" : bound.enclosure().lo().toDecimalString(12, Rounding.DOWN),
                bound == null ? "" : bound.enclosure().hi().toDecimalString(12, Rounding.UP),
                s.failureProbability().toString(), Integer.toString(s.violations()), s.violationRate().toString(),
                csvDouble(s.violationCiLo(), RoundingMode.FLOOR), csvDouble(s.violationCiHi(), RoundingMode.CEILING),
                csvDouble(s.pValue(), RoundingMode.HALF_EVEN), s.verdict().text()};
            b.append(String.join(",", cells)).append('\n');
        }
        return b.toString();
    }

    private static String csvDouble(double x, RoundingMode mode) {
        return Double.isNaN(x) ? "" : decimal(x, 10, mode);
    }
}
