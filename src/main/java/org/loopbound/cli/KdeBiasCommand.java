package org.loopbound.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Interval;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.bound.K1KdePropagation;
import org.loopbound.bound.K2KdeExpectedDensity;
import org.loopbound.spec.ResultIndex;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code loopbound kde-bias}: for the Gaussian-kernel KDE loop on p₀ = N(μ, σ²), per generation 0..i the exact
 * weights of E[p̂_j] (K2), its effective bandwidth, the certified TV(E p̂_j, p₀) — a lower bound on E TV(p̂_j, p₀)
 * by Jensen — and the K1 smoothing-bias term ½‖K_h*p₀ − p₀‖₁.
 */
@Command(name = "kde-bias", sortOptions = false,
        description = {
            "Gaussian-kernel KDE in the loop on p0 = N(mean, variance), bandwidth h, real",
            "proportion lambda. Per generation: the exact mixture weights of E[p_i] (K2",
            "[derived]), its effective bandwidth, and the certified TV(E p_i, p0), a LOWER",
            "bound on E TV(p_i, p0) by Jensen; and the K1 [derived] smoothing bias",
            "1/2 ||K_h*p0 - p0||_1 = TV(N(mean, variance + h^2), N(mean, variance))."})
public final class KdeBiasCommand implements Runnable {

    /**
     * Largest last generation: generation j has j + 1 mixture components when λ &gt; 0, so the whole table costs
     * about i²/2 certified crossing-point searches.
     */
    static final int MAX_GENERATIONS = 100;
    /** Weights shown per generation in the table before eliding (the JSON lists them all). */
    private static final int SHOWN_WEIGHTS = 3;

    @Option(names = "--bandwidth", required = true, paramLabel = "h",
            description = "Kernel bandwidth h (exact, e.g. 0.2 or 1/5).")
    @Domains.In("(0, ∞)")
    Rational bandwidth = Rational.ONE;

    @Option(names = "--lambda", defaultValue = "0", paramLabel = "λ",
            description = "Constant real proportion lambda (default: ${DEFAULT-VALUE}, fully synthetic).")
    @Domains.In("[0, 1]")
    Rational lambda = Rational.ZERO;

    @Option(names = "--generations", defaultValue = "10", paramLabel = "i",
            description = "Last generation i (values for generations 0..i) (default: ${DEFAULT-VALUE}).")
    @Domains.In("[0, " + MAX_GENERATIONS + "]")
    int generations;

    @Option(names = "--mean", defaultValue = "0", paramLabel = "μ",
            description = "Mean of p0 (default: ${DEFAULT-VALUE}); TV does not depend on it.")
    @Domains.In("(-∞, ∞)")
    Rational mean = Rational.ZERO;

    @Option(names = "--variance", defaultValue = "1", paramLabel = "σ²",
            description = "Variance of p0 (default: ${DEFAULT-VALUE}).")
    @Domains.In("(0, ∞)")
    Rational variance = Rational.ONE;

    @Mixin
    CommonOptions common = new CommonOptions();

    @CommandLine.Spec
    @SuppressWarnings("nullness:initialization.field.uninitialized") // injected by picocli
    CommandLine.Model.CommandSpec spec;

    /** One generation's values. */
    private record Row(int generation, List<Rational> weights, List<Rational> variances, Certified bandwidth,
                       Interval tv) {
    }

    @Override
    public void run() {
        Rational h = bandwidth;
        Rational lam = lambda;
        Rational s2 = variance;
        Precision p = common.precision();

        List<Row> rows = new ArrayList<>();
        for (int j = 0; j <= generations; j++) {
            rows.add(new Row(j, K2KdeExpectedDensity.weights(lam, j),
                    K2KdeExpectedDensity.componentVariances(s2, h, j),
                    K2KdeExpectedDensity.effectiveBandwidth(h, lam, j, p),
                    K2KdeExpectedDensity.tvToReal(s2, h, lam, j, p)));
        }
        Interval bias = K1KdePropagation.gaussianSmoothingBias(s2, h, p);
        String out = common.json() ? Json.print(json(rows, bias)) : table(rows, bias);
        spec.commandLine().getOut().print(out);
        spec.commandLine().getOut().flush();
    }

    private String table(List<Row> rows, Interval bias) {
        int digits = common.tableDigits();
        StringBuilder b = new StringBuilder();
        b.append(ResultIndex.bundled().get("K2").headline())
                .append(" - a reconstruction, not the paper's own theorem\n");
        b.append(Json.proofLines("K2"));
        b.append("p0 = N(").append(mean).append(", ").append(variance).append("), Gaussian kernel h = ")
                .append(bandwidth).append(", lambda = ").append(lambda).append(", precision ")
                .append(common.precision()).append('\n');
        b.append("Note: TV(E p_i, p0) is a certified LOWER bound on E TV(p_i, p0) (Jensen), not an upper bound.\n");
        b.append("Component j of E[p_i] is N(mean, variance + (j+1) h^2); effective bandwidth h*sqrt(sum_j w_j (j+1))"
                + " (= h*sqrt(i+1) for lambda = 0).\n");
        Table t = new Table("i", "weights w_(i,j) (nonzero)", "effective bandwidth", "TV(E p_i, p0) <= E TV(p_i, p0)");
        for (Row r : rows) {
            t.row(Integer.toString(r.generation()), weightSummary(r.weights(), digits),
                    Table.cell(r.bandwidth(), digits), r.tv().format(digits));
        }
        b.append(t.render());
        b.append(ResultIndex.bundled().get("K1").headline())
                .append(" - a reconstruction, not the paper's own theorem\n");
        b.append(Json.proofLines("K1"));
        b.append("  smoothing bias 1/2 ||K_h*p0 - p0||_1 = TV(N(mean, variance + h^2), N(mean, variance)) in ")
                .append(bias.format(digits)).append('\n');
        b.append("  E TV(p_i, p0) <= B_i of R3 with eps_j = sampling noise_j + this bias (L1 contraction of K_h"
                + " [imported] as a hypothesis); the sampling-noise terms depend on the sample sizes.\n");
        return b.toString();
    }

    /** "j=0: 1/2, j=1: 1/4, …, j=i: 1/2^i (k components)" with the nonzero weights only. */
    private static String weightSummary(List<Rational> weights, int digits) {
        List<String> parts = new ArrayList<>();
        for (int j = 0; j < weights.size(); j++) {
            if (weights.get(j).signum() != 0) {
                parts.add("j=" + j + ": " + Table.cell(Certified.exact(weights.get(j)), digits));
            }
        }
        if (parts.size() <= SHOWN_WEIGHTS + 1) {
            return String.join(", ", parts);
        }
        return String.join(", ", parts.subList(0, SHOWN_WEIGHTS)) + ", ..., " + parts.get(parts.size() - 1)
                + " (" + parts.size() + " components)";
    }

    private JsonObject json(List<Row> rows, Interval bias) {
        int digits = common.digits();
        JsonObject o = Json.resultObject("K2");
        JsonObject params = o.getAsJsonObject("parameters");
        params.addProperty("bandwidth", bandwidth.toString());
        params.addProperty("lambda", lambda.toString());
        params.addProperty("generations", generations);
        params.addProperty("mean", mean.toString());
        params.addProperty("variance", variance.toString());
        params.addProperty("precision_bits", common.precision().bits());
        o.addProperty("note", "tv_lower_bound encloses TV(E p_i, p0), a certified LOWER bound on E TV(p_i, p0)"
                + " (Jensen), not an upper bound");
        o.addProperty("effective_bandwidth_definition",
                "h*sqrt(sum_j w_j (j+1)), the variance-matching bandwidth; = h*sqrt(i+1) for lambda = 0");
        Certified biasValue = Certified.enclosed(bias);
        JsonArray values = new JsonArray();
        for (Row r : rows) {
            JsonObject v = new JsonObject();
            v.addProperty("generation", r.generation());
            JsonArray ws = new JsonArray();
            for (int j = 0; j < r.weights().size(); j++) {
                JsonObject w = new JsonObject();
                w.addProperty("component", j);
                w.addProperty("variance", r.variances().get(j).toString());
                w.addProperty("weight", r.weights().get(j).toString());
                ws.add(w);
            }
            v.add("weights", ws);
            v.add("effective_bandwidth", Json.value(r.bandwidth(), digits));
            v.add("tv_lower_bound", Json.value(Certified.enclosed(r.tv()), digits));
            v.add("bias", Json.value(biasValue, digits));
            values.add(v);
        }
        o.add("values", values);
        JsonObject k1 = Json.resultObject("K1");
        k1.remove("parameters");
        k1.addProperty("quantity", "smoothing bias 1/2 ||K_h*p0 - p0||_1 = TV(N(mean, variance + h^2),"
                + " N(mean, variance))");
        k1.add("bias", Json.value(biasValue, digits));
        k1.addProperty("note", "E TV(p_i, p0) <= B_i of R3 with eps_j = sampling noise_j + bias; the L1 contraction"
                + " of K_h is an [imported] hypothesis; the sampling-noise terms depend on the sample sizes");
        o.add("k1", k1);
        return o;
    }
}
