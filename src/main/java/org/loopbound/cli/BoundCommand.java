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
import org.loopbound.param.Domain;
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

    /** The domains of the two parts b and α of {@code --rate b,α}. */
    private static final Domain RATE_B = Domain.parse("(0, ∞)", false);
    private static final Domain RATE_ALPHA = Domain.parse("(0, 1)", false);

    final ScenarioOptions scenario = ScenarioOptions.of(ScenarioOptions.Limits.BOUND, 10);
    /** Operations of one generation in enclosures: recursion, closed form, check and printing (measured order). */
    private static final double ENCLOSED_STEP = 50_000;
    /** Operations per squared word of an exact step (several products and gcd normalisations; measured order). */
    private static final double EXACT_STEP = 100;

    @Option(names = "--eps", paramLabel = "ε", description = "Constant learning error eps (exact).")
    @Domains.In("[0, ∞)")
    @Nullable Rational eps;

    @Option(names = "--rate", paramLabel = "b,α",
            description = "Learning error eps(N) = b N^(-alpha), b in (0, ∞), alpha in (0, 1), e.g. --rate 1,1/2.")
    @Nullable String rate;

    @Option(names = "--atoms", paramLabel = "k",
            description = "Empirical learner on k atoms: eps(N, delta, k) of theory.md section 6 (needs --delta).")
    @Domains.In("[1, 10^8]")
    @Nullable Integer atoms;

    @Domains.In("(0, 1)")
    @Option(names = "--delta", paramLabel = "δ",
            description = "Per-generation failure probability delta. With --atoms, EPS-EMP derives"
                    + " eps(N, delta, k) and B_i holds with probability >= 1 - (i+1) delta. With --eps or --rate no"
                    + " delta is derived: the probability is printed under your assumption that each generation"
                    + " meets eps with probability >= 1 - delta.")
    @Nullable Rational delta;

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
        String what = "the bounds of generations 0.." + scenario.generations();
        // The least cost first: the schedule of a million generations alone takes a while to build.
        Cost.check(spec, (scenario.generations() + 1.0) * ENCLOSED_STEP, what, "fewer --generations");
        Schedule schedule = scenario.schedule();
        Precision p = common.precision();
        LearningError learner = learner();
        Cost.check(spec, cost(schedule, eps != null), what, "fewer --generations");
        ScenarioBound bound = ScenarioBound.of(scenario.scenario(), schedule, learner, p);
        String out = common.json() ? Json.print(json(bound, learner)) : table(bound, learner);
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
            return LearningError.constant(eps);
        }
        if (rate != null) {
            String[] parts = rate.split(",", -1);
            if (parts.length != 2) {
                throw new UsageError("--rate must be b,alpha (e.g. 1,1/2), got '" + rate + "'");
            }
            Rational b = RATE_B.parse("b", parts[0]);
            Rational a = RATE_ALPHA.parse("α", parts[1]);
            return LearningError.rate(b, a);
        }
        Rational d = Domains.required("--delta", delta, "with --atoms");
        return LearningError.empirical(Domains.required("--atoms", atoms, "without --eps or --rate"), d);
    }

    /**
     * The estimated work of the bounds, in operations: an enclosure step costs about {@link #ENCLOSED_STEP} (with the
     * closed form and the printing), a general-weights step one such step per earlier generation, and with an exact ε
     * the recursion stays exact, so B_i carries the digits of every factor 1 − λ_j, j ≤ i, and each step normalises a
     * fraction of that size ({@link #EXACT_STEP} per squared word).
     */
    private static double cost(Schedule schedule, boolean exact) {
        double total = 0;
        double bits = 0;
        for (int i = 0; i <= schedule.generations(); i++) {
            Rational f = Rational.ONE.subtract(schedule.lambda(i));
            bits += f.numerator().bitLength() + f.denominator().bitLength() - 2;
            double words = bits / 64 + 1;
            boolean general = !schedule.isPreviousGenerationOnly() && schedule.uniformWeight(i) == null;
            total += ENCLOSED_STEP * (general ? i + 1 : 1) + (exact ? EXACT_STEP * words * words : 0);
        }
        return total;
    }

    /** Where the probability statement comes from: derived (EPS-EMP) or the user's assumption (--eps, --rate). */
    private String probabilityBasis() {
        return atoms != null
                ? "probability: derived - EPS-EMP's eps(N, delta, k) holds w.p. >= 1 - delta per generation, union"
                        + " bound over generations 0..i"
                : "probability: assumed - IF each generation meets eps w.p. >= 1 - delta (your assumption: the eps"
                        + " model has no delta derivation), then by the union bound B_i holds w.p. >= 1 - (i+1) delta";
    }

    private String table(ScenarioBound bound, LearningError learner) {
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

    private JsonObject json(ScenarioBound bound, LearningError learner) {
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
        JsonArray values = new JsonArray();
        for (ScenarioBound.Generation gen : bound.generations()) {
            int i = gen.generation();
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
