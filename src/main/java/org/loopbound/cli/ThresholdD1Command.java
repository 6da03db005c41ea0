package org.loopbound.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.bound.D1DiffusionPropagation;
import org.loopbound.bound.Scenario;
import org.loopbound.bound.Schedule;
import org.loopbound.spec.ResultIndex;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code threshold d1}: the diffusion error propagated over the generations of a scenario (D1, up to D0's C). */
@Command(name = "d1", sortOptions = false, modelTransformer = ScenarioOptions.Install.class,
        description = {"D1 [derived]: the per-generation errors eps_i and the propagated bound B_i of diffusion models",
            "over a scenario, with a fixed tau or the D2 rule per generation, up to the hidden constant C of D0."})
final class ThresholdD1Command implements Runnable, ScenarioOptions.Command {
    final ScenarioOptions scenario = ScenarioOptions.of(ScenarioOptions.Limits.BOUND, 10);

    @Option(names = "--m", required = true, paramLabel = "m", description = "Width m of the score network.")
    @Domains.In("[1, 10^18]")
    BigInteger m = BigInteger.ONE;

    @Option(names = "--tau", paramLabel = "τ",
            description = "The same stopping time tau in every generation (D0's domain); not with --tau-rule.")
    @Domains.In("[1, ∞)")
    @Nullable Rational tau;

    @Option(names = "--tau-rule", paramLabel = "RULE",
            description = "'d2' for tau_j = (m N_j/4)^(1/5) per generation (the default without --tau).")
    @Nullable String rule;

    @Option(names = "--extra", defaultValue = "0", paramLabel = "E",
            description = "Remaining terms E of D0 in every generation (default: ${DEFAULT-VALUE}).")
    @Domains.In("[0, ∞)")
    Rational extra = Rational.ZERO;

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
        Scenario sc = scenario.scenario();
        BigInteger mm = m;
        Schedule schedule = scenario.schedule();
        int g = schedule.generations();
        Rational e = extra;
        Rational fixedTau = tau;
        if (fixedTau != null && rule != null) {
            throw new UsageError("give --tau or --tau-rule, not both");
        }
        if (rule != null && !rule.equals("d2")) {
            throw new UsageError("--tau-rule must be d2, got '" + rule + "'");
        }
        List<Certified> taus;
        if (fixedTau != null) {
            taus = D1DiffusionPropagation.fixedStoppingTimes(schedule, fixedTau);
        } else {
            taus = D1DiffusionPropagation.d2StoppingTimes(schedule, mm, p);
        }
        List<Rational> extras = new ArrayList<>();
        for (int j = 0; j <= g; j++) {
            extras.add(e);
        }
        List<Certified> eps = D1DiffusionPropagation.generationErrors(schedule, mm, taus, extras, p);
        List<Certified> bounds = D1DiffusionPropagation.bound(schedule, mm, taus, extras, p);
        String hidden = ThresholdCommand.hiddenConstant();
        if (common.json()) {
            int digits = common.digits();
            JsonObject o = Json.resultObject("D1");
            JsonObject params = o.getAsJsonObject("parameters");
            JsonObject given = new JsonObject();
            scenario.describe(given);
            for (String key : given.keySet()) {
                params.add(key, given.get(key));
                if (key.equals("generations")) {
                    params.addProperty("m", mm.toString());
                }
            }
            params.addProperty(fixedTau != null ? "tau" : "tau_rule", fixedTau != null ? fixedTau.toString() : "d2");
            params.addProperty("extra", e.toString());
            params.addProperty("precision_bits", p.bits());
            o.addProperty("hidden_constant", hidden);
            o.addProperty("meaning", "TV(p_i, p_0) <= sqrt(C/2) * bound_i on D0's event in every generation");
            JsonArray values = new JsonArray();
            for (int j = 0; j <= g; j++) {
                JsonObject v = new JsonObject();
                v.addProperty("generation", j);
                v.add("lambda", Json.value(Certified.exact(schedule.lambda(j)), digits));
                v.addProperty("n", schedule.size(j).toString());
                v.add("tau", Json.value(taus.get(j), digits));
                v.add("eps", Json.value(eps.get(j), digits));
                v.add("bound", Json.value(bounds.get(j), digits));
                values.add(v);
            }
            o.add("values", values);
            ThresholdCommand.emit(spec, Json.print(o));
            return;
        }
        int digits = common.tableDigits();
        StringBuilder t = new StringBuilder();
        t.append(ResultIndex.bundled().get("D1").headline())
                .append(" - a reconstruction, not the paper's own theorem\n");
        t.append(Json.proofLines("D1"));
        t.append("every value below holds ").append(hidden).append(": TV(p_i, p_0) <= sqrt(C/2) * B_i\n");
        t.append("scenario ").append(sc.cliName()).append("; m = ").append(mm).append("; ")
                .append(fixedTau != null ? "tau = " + fixedTau : "tau_j = (m*N_j/4)^(1/5) (D2 rule)")
                .append("; E = ").append(e).append('\n');
        Table table = new Table("i", "lambda_i", "N_i", "tau_i", "eps_i (up to C)", "B_i (up to C)");
        for (int j = 0; j <= g; j++) {
            table.row(Integer.toString(j), schedule.lambda(j).toString(), schedule.size(j).toString(),
                    Table.cell(taus.get(j), digits), Table.cell(eps.get(j), digits), Table.cell(bounds.get(j), digits));
        }
        t.append(table.render());
        ThresholdCommand.emit(spec, t.toString());
    }
}
