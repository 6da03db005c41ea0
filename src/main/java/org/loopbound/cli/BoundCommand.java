package org.loopbound.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.bound.LearningError;
import org.loopbound.bound.R3UnrolledBound;
import org.loopbound.bound.Scenario;
import org.loopbound.bound.ScenarioBound;
import org.loopbound.bound.Schedule;
import org.loopbound.bound.TotalVariation;
import org.loopbound.spec.ResultIndex;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code loopbound bound}: the R3 bound B_i per generation for a scenario, with the R4 corollaries that apply. */
@Command(name = "bound", sortOptions = false, modelTransformer = ScenarioOptions.Install.class,
        description = {
            "Per-generation bound B_i on TV(p_i, p_0) (R3 [derived], R5 for accumulate) for a scenario of theory.md",
            "section 1, from the recursion B_i = (1-lambda_i) B_(i-1) + eps_i and, independently, the closed form.",
            "Values are exact rationals when every input is rational, certified enclosures otherwise."})
public final class BoundCommand implements Runnable, ScenarioOptions.Command {

    final ScenarioOptions scenario = ScenarioOptions.of(ScenarioOptions.Limits.BOUND, 10);

    @Option(names = "--eps", converter = RationalConverter.class, paramLabel = "ε",
            description = "Constant learning error eps >= 0 (exact).")
    @Nullable Rational eps;

    @Option(names = "--rate", paramLabel = "b,α",
            description = "Learning error eps(N) = b N^(-alpha), b > 0, alpha in (0, 1), e.g. --rate 1,1/2.")
    @Nullable String rate;

    @Option(names = "--atoms", paramLabel = "k",
            description = "Empirical learner on k >= 1 atoms: eps(N, delta, k) of theory.md section 6 (needs"
                    + " --delta).")
    @Nullable Integer atoms;

    @Option(names = "--delta", converter = RationalConverter.class, paramLabel = "δ",
            description = "Per-generation failure probability delta in (0, 1). With --atoms, EPS-EMP derives"
                    + " eps(N, delta, k) and B_i holds with probability >= 1 - (i+1) delta. With --eps or --rate no"
                    + " delta is derived: the probability is printed under your assumption that each generation"
                    + " meets eps with probability >= 1 - delta.")
    @Nullable Rational delta;

    @Mixin
    AtOption at = new AtOption();

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
        Schedule schedule = scenario.schedule();
        AtOption.Selection printed = at.select(scenario.generations());
        Precision p = common.precision();
        if (delta != null) {
            Domains.open("--delta", delta, Rational.ZERO, Rational.ONE);
        }
        LearningError learner = learner();
        ScenarioBound bound = ScenarioBound.of(scenario.scenario(), schedule, learner, p);
        String out = common.json() ? Json.print(json(bound, learner, printed)) : table(bound, learner, printed);
        spec.commandLine().getOut().print(out);
        spec.commandLine().getOut().flush();
    }

    private LearningError learner() {
        int given = (eps != null ? 1 : 0) + (rate != null ? 1 : 0) + (atoms != null ? 1 : 0);
        if (given != 1) {
            throw new UsageError("give exactly one learning-error model: --eps, --rate b,alpha, or --atoms k"
                    + " --delta delta");
        }
        if (eps != null) {
            return LearningError.constant(Domains.nonNegative("--eps", eps));
        }
        if (rate != null) {
            String[] parts = rate.split(",", -1);
            if (parts.length != 2) {
                throw new UsageError("--rate must be b,alpha (e.g. 1,1/2), got '" + rate + "'");
            }
            RationalConverter c = new RationalConverter();
            Rational b = Domains.positive("--rate b", parse(c, "--rate b", parts[0]));
            Rational a = Domains.open("--rate alpha", parse(c, "--rate alpha", parts[1]), Rational.ZERO,
                    Rational.ONE);
            return LearningError.rate(b, a);
        }
        Rational d = Domains.required("--delta", delta, "with --atoms");
        if (atoms == null || atoms < 1 || atoms > 100_000_000) {
            throw new UsageError("--atoms must be in [1, 10^8], got " + atoms);
        }
        return LearningError.empirical(atoms, d);
    }

    private static Rational parse(RationalConverter c, String option, String text) {
        try {
            return c.convert(text);
        } catch (CommandLine.TypeConversionException e) {
            throw new UsageError(option + ": " + e.getMessage());
        }
    }

    /** Where the probability statement comes from: derived (EPS-EMP) or the user's assumption (--eps, --rate). */
    private String probabilityBasis() {
        return atoms != null
                ? "probability: derived - EPS-EMP's eps(N, delta, k) holds w.p. >= 1 - delta per generation, union"
                        + " bound over generations 0..i"
                : "probability: assumed - IF each generation meets eps w.p. >= 1 - delta (your assumption: the eps"
                        + " model has no delta derivation), then by the union bound B_i holds w.p. >= 1 - (i+1) delta";
    }

    private String table(ScenarioBound bound, LearningError learner, AtOption.Selection printed) {
        int digits = common.tableDigits();
        ResultIndex.Result r = ResultIndex.bundled().get(bound.resultId());
        StringBuilder b = new StringBuilder();
        b.append(r.headline()).append(" - a reconstruction, not the paper's own theorem\n");
        b.append(Json.proofLines(bound.resultId()));
        b.append("scenario ").append(bound.scenario().cliName()).append("; ").append(learner.describe())
                .append("; precision ").append(common.precision()).append('\n');
        Rational delta = this.delta;
        Table t = delta != null
                ? new Table("i", "lambda_i", "N_i", "eps_i", "B_i", atoms != null ? "holds w.p. >=" : "w.p. >= (assumed)")
                : new Table("i", "lambda_i", "N_i", "eps_i", "B_i");
        for (ScenarioBound.Generation gen : bound.generations()) {
            int i = gen.generation();
            if (!printed.includes(i)) {
                continue;
            }
            String lam = gen.lambda().toString();
            String bi = Table.cell(gen.bound(), digits) + (TotalVariation.isVacuous(gen.bound()) ? " vacuous" : "");
            if (delta != null) {
                Rational fail = R3UnrolledBound.failureProbability(i, delta);
                String prob = fail.compareTo(Rational.ONE) >= 0 ? "0 (vacuous)" : Rational.ONE.subtract(fail)
                        .toString();
                t.row(Integer.toString(i), lam, gen.size().toString(), Table.cell(gen.epsilon(), digits), bi, prob);
            } else {
                t.row(Integer.toString(i), lam, gen.size().toString(), Table.cell(gen.epsilon(), digits), bi);
            }
        }
        b.append(t.render());
        if (delta != null) {
            b.append(probabilityBasis()).append('\n');
        }
        if (!bound.corollaries().isEmpty()) {
            ResultIndex.Result r4 = ResultIndex.bundled().get("R4");
            b.append(r4.headline()).append('\n');
            for (Scenario.Corollary c : bound.corollaries()) {
                b.append("  ").append(c.name()).append(": ").append(c.value()).append('\n');
            }
        }
        return b.toString();
    }

    private JsonObject json(ScenarioBound bound, LearningError learner, AtOption.Selection printed) {
        int digits = common.digits();
        JsonObject o = Json.resultObject(bound.resultId());
        JsonObject params = o.getAsJsonObject("parameters");
        scenario.describe(params);
        Json.addIfPresent(params, "eps", eps);
        if (rate != null) {
            params.addProperty("rate", rate);
        }
        if (atoms != null) {
            params.addProperty("atoms", atoms);
        }
        Json.addIfPresent(params, "delta", delta);
        if (delta != null) {
            o.addProperty("probability_basis", probabilityBasis());
        }
        params.addProperty("precision_bits", common.precision().bits());
        o.addProperty("learning_error", learner.describe());
        printed.describe(o);
        JsonArray values = new JsonArray();
        for (ScenarioBound.Generation gen : bound.generations()) {
            int i = gen.generation();
            if (!printed.includes(i)) {
                continue;
            }
            JsonObject v = new JsonObject();
            v.addProperty("generation", i);
            v.add("lambda", Json.value(Certified.exact(gen.lambda()), digits));
            v.addProperty("n", gen.size().toString());
            v.add("eps", Json.value(gen.epsilon(), digits));
            v.add("bound", Json.value(gen.bound(), digits));
            if (TotalVariation.isVacuous(gen.bound())) {
                v.addProperty("vacuous", true);
            }
            v.add("closed_form", Json.value(gen.closedForm(), digits));
            if (delta != null) {
                v.add("failure_probability", Json.value(Certified.exact(
                        R3UnrolledBound.failureProbability(i, delta)), digits));
            }
            values.add(v);
        }
        o.add("values", values);
        if (!bound.corollaries().isEmpty()) {
            JsonArray cs = new JsonArray();
            for (Scenario.Corollary c : bound.corollaries()) {
                JsonObject co = Json.resultObject("R4");
                co.remove("parameters");
                co.addProperty("name", c.name());
                co.add("value", Json.value(Certified.exact(c.value()), digits));
                cs.add(co);
            }
            o.add("corollaries", cs);
        }
        return o;
    }
}
