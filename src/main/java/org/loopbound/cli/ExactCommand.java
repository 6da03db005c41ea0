package org.loopbound.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Rational;
import org.loopbound.bound.R3UnrolledBound;
import org.loopbound.bound.ScenarioParameter;
import org.loopbound.exact.Arithmetic;
import org.loopbound.exact.ExactLoop;
import org.loopbound.exact.GenerationLaw;
import org.loopbound.exact.TvAtom;
import org.loopbound.sim.SimulationConfig;
import org.loopbound.spec.ResultIndex;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code loopbound exact}: the exact law of the discrete loop that {@code simulate} samples, by the Markov chain over
 * count vectors: E TV(p̂_i, p₀), the distribution of TV(p̂_i, p₀) and P(TV(p̂_i, p₀) &gt; B_i) per generation.
 */
@Command(name = "exact", sortOptions = false, modelTransformer = ScenarioOptions.Install.class,
        description = {
            "The exact law of the discrete loop of 'simulate' (same scenario, p0, learner and mixing options), by the",
            "finite Markov chain over count vectors: per generation E TV(p_i, p0), the distribution of TV(p_i, p0),",
            "and P(TV(p_i, p0) > B_i), an exact check of R3's probability statement against (i+1) delta. Exact",
            "rationals where the state space is small, certified enclosures (outward) beyond; accumulate is refused",
            "(its state would be every earlier count vector)."})
public final class ExactCommand implements Runnable, ScenarioOptions.Command {

    /** N_i up to the chain's own limit: larger sizes are refused by the chain with the state-space size. */
    private static final ScenarioOptions.Limits LIMITS = new ScenarioOptions.Limits(100_000, 1,
            BigInteger.valueOf(ExactLoop.MAX_STATES));

    final ScenarioOptions scenario = ScenarioOptions.of(LIMITS, 10);

    @Mixin
    LoopOptions loopOptions = new LoopOptions();

    @Option(names = "--delta", defaultValue = "1/100", paramLabel = "δ",
            description = "delta of EPS-EMP's eps(N, delta, k) in B_i (default: ${DEFAULT-VALUE}).")
    @Domains.In("(0, 1)")
    Rational delta = Rational.of(1, 100);

    @Option(names = "--arithmetic", defaultValue = "auto", paramLabel = "A",
            description = "exact (rationals) | certified (enclosures) | auto: exact when the state space is small"
                    + " (default: ${DEFAULT-VALUE}).")
    String arithmetic = "auto";

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
        SimulationConfig config = loopOptions.builder(scenario).replicates(1).delta(delta)
                .precision(common.precision()).build();
        ExactLoop loop = ExactLoop.of(config.scenario(), config.schedule(), config.p0(), config.learner(),
                config.mixing());
        Arithmetic a = arithmetic(loop);
        List<GenerationLaw> laws = loop.run(a, config.bounds());
        String out = common.json() ? Json.print(json(config, a, laws)) : table(config, a, laws);
        spec.commandLine().getOut().print(out);
        spec.commandLine().getOut().flush();
    }

    private Arithmetic arithmetic(ExactLoop loop) {
        switch (arithmetic.strip().toLowerCase(Locale.ROOT)) {
            case "exact":
                return Arithmetic.EXACT;
            case "certified":
                return Arithmetic.CERTIFIED;
            case "auto":
                return loop.automaticArithmetic();
            default:
                throw new UsageError("--arithmetic must be exact, certified or auto, got '" + arithmetic + "'");
        }
    }

    private JsonObject json(SimulationConfig c, Arithmetic a, List<GenerationLaw> laws) {
        int digits = common.digits();
        JsonObject o = Json.resultObject(c.scenario().resultId());
        JsonObject params = o.getAsJsonObject("parameters");
        scenario.describe(params);
        params.addProperty("p0", c.p0().spec());
        params.addProperty("learner", c.learner().name());
        Json.addIfPresent(params, "beta", loopOptions.beta);
        params.addProperty("mixing", c.mixing().cliName());
        params.addProperty("delta", delta.toString());
        params.addProperty("arithmetic", a.name().toLowerCase(Locale.ROOT));
        o.addProperty("method", "exact Markov chain over count vectors; bound B_i of " + c.scenario().resultId()
                + " with EPS-EMP's eps(N, delta, k); values exact or enclosed outward");
        JsonArray gens = new JsonArray();
        for (GenerationLaw g : laws) {
            JsonObject v = new JsonObject();
            v.addProperty("generation", g.generation());
            v.addProperty("n", Long.toString(g.size()));
            v.addProperty("states", g.states());
            v.add("expected_tv", Json.value(g.expectedTv(), digits));
            v.add("expected_gini_simpson", Json.value(g.expectedGiniSimpson(), digits));
            Certified b = g.bound();
            if (b != null) {
                v.add("bound", Json.value(b, digits));
            }
            Certified viol = g.violationProbability();
            if (viol != null) {
                v.add("violation_probability", Json.value(viol, digits));
            }
            v.add("failure_probability", Json.value(Certified.exact(
                    R3UnrolledBound.failureProbability(g.generation(), delta)), digits));
            JsonArray dist = new JsonArray();
            for (TvAtom t : g.tvDistribution()) {
                JsonObject d = new JsonObject();
                d.addProperty("tv", t.tv().toString());
                d.add("probability", Json.value(t.probability(), digits));
                dist.add(d);
            }
            v.add("tv_distribution", dist);
            gens.add(v);
        }
        o.add("generations", gens);
        return o;
    }

    private String table(SimulationConfig c, Arithmetic a, List<GenerationLaw> laws) {
        int digits = common.tableDigits();
        StringBuilder b = new StringBuilder();
        b.append(ResultIndex.bundled().get(c.scenario().resultId()).headline())
                .append(": the exact law of the loop - a reconstruction, not the paper's own theorem\n");
        b.append(Json.proofLines(c.scenario().resultId())).append(Json.proofLines("EPS-EMP"));
        b.append("scenario ").append(c.scenario().cliName()).append("; p0 ").append(c.p0().spec()).append(" (k = ")
                .append(c.p0().atoms()).append("); ").append(c.mixing().cliName()).append(" mixing; learner ")
                .append(c.learner().name()).append("; delta ").append(delta).append("; ")
                .append(a.name().toLowerCase(Locale.ROOT)).append(" arithmetic\n");
        Table t = new Table("i", "N_i", "states", "E TV", "B_i", "P(TV > B_i)", "(i+1)delta");
        for (GenerationLaw g : laws) {
            Certified bound = g.bound();
            Certified viol = g.violationProbability();
            t.row(Integer.toString(g.generation()), Long.toString(g.size()), Integer.toString(g.states()),
                    Table.cell(g.expectedTv(), digits), bound == null ? "none" : Table.cell(bound, digits),
                    viol == null ? "-" : Table.cell(viol, digits),
                    R3UnrolledBound.failureProbability(g.generation(), delta).toString());
        }
        b.append(t.render());
        b.append("the full distribution of TV per generation is in --json (tv_distribution).\n");
        return b.toString();
    }
}
