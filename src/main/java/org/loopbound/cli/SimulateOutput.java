package org.loopbound.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Rational;
import org.loopbound.arith.Rounding;
import org.loopbound.bound.Scenario;
import org.loopbound.sim.GenerationSummary;
import org.loopbound.sim.SimulationConfig;
import org.loopbound.sim.SimulationSummary;
import org.loopbound.sim.Verdict;
import org.loopbound.spec.ResultIndex;

/**
 * How {@code loopbound simulate} prints a {@link SimulationSummary}: the JSON object (also {@code summary.json}),
 * the table and the CSV rows ({@code generations.csv}). Formatting only: every number comes from the summary.
 */
final class SimulateOutput {

    private SimulateOutput() {
    }


    private static String resultId(SimulationConfig c) {
        return c.scenario().resultId();
    }

    /** The JSON object {@code simulate --json} prints and {@code summary.json} holds. */
    static JsonObject json(SimulationConfig c, JsonObject parameters, SimulationSummary summary, int digits,
                           AtOption.Selection printed) {
        JsonObject o = Json.resultObject(resultId(c));
        o.add("parameters", parameters);
        o.addProperty("version", Main.version());
        JsonArray uses = new JsonArray();
        for (String id : resultId(c).equals("R3") ? List.of("R3", "EPS-EMP") : List.of("R3", resultId(c), "EPS-EMP")) {
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
        printed.describe(o);
        JsonArray gens = new JsonArray();
        for (GenerationSummary s : summary.generations()) {
            if (!printed.includes(s.generation())) {
                continue;
            }
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
                + " P(Bin(R, (i+1) delta) >= violations) < alpha_test, else PASS; VACUOUS when (i+1) delta >= 1 or B_i >= 1 (no TV exceeds 1);"
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

    /** The table {@code simulate} prints. */
    static String table(SimulationConfig c, SimulationSummary summary, int digits, AtOption.Selection printed) {
        ResultIndex.Result r = ResultIndex.bundled().get(resultId(c));
        StringBuilder b = new StringBuilder();
        b.append(r.headline()).append(" with EPS-EMP ").append(ResultIndex.bundled().get("EPS-EMP").label().tag())
                .append(" (McDiarmid [imported]) - a reconstruction, not the paper's own theorem\n");
        b.append(Json.proofLines(resultId(c))).append(Json.proofLines("EPS-EMP"));
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
            if (!printed.includes(s.generation())) {
                continue;
            }
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

    /** The rows of {@code generations.csv}. */
    static String csv(SimulationConfig c, SimulationSummary summary) {
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
