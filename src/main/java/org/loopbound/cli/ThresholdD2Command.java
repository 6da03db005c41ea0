package org.loopbound.cli;

import com.google.gson.JsonObject;
import java.math.BigInteger;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.bound.D2EarlyStopping;
import org.loopbound.spec.ResultIndex;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code threshold d2}: the optimal early stopping time τ* = (m N/4)^(1/5) of D2 and the minimum of φ. */
@Command(name = "d2", sortOptions = false,
        description = {"D2 [derived]: the minimizer tau* = (m N/4)^(1/5) of phi(tau) = tau^4/(m N) + 1/tau, its",
            "minimum 5*4^(-4/5) (m N)^(-1/5), and tau* with the tau^3/m^2 term kept, up to the hidden constant C of",
            "D0."})
final class ThresholdD2Command implements Runnable {
    @Option(names = "--m", required = true, paramLabel = "m", description = "Width m of the score network.")
    @Domains.In("[1, 10^18]")
    BigInteger m = BigInteger.ONE;

    @Option(names = "--n", required = true, paramLabel = "N", description = "Sample size N.")
    @Domains.In("[1, 10^18]")
    BigInteger n = BigInteger.ONE;

    @Mixin ThresholdCommand.WidthOption width = new ThresholdCommand.WidthOption();
    @Mixin CommonOptions common = new CommonOptions();
    @CommandLine.Spec
    @SuppressWarnings("nullness:initialization.field.uninitialized") // injected by picocli
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        Precision p = common.precision();
        BigInteger mm = m;
        BigInteger nn = n;
        Rational w = width.width();
        Precision q = ThresholdCommand.refine(w, p, pr -> D2EarlyStopping.optimalStoppingTime(mm, nn, pr));
        q = ThresholdCommand.refine(w, q, pr -> D2EarlyStopping.minimumValue(mm, nn, pr));
        q = ThresholdCommand.refine(w, q, pr -> D2EarlyStopping.optimalStoppingTimeWithCubicTerm(mm, nn, pr));
        Certified tauStar = D2EarlyStopping.optimalStoppingTime(mm, nn, q);
        Certified minimum = D2EarlyStopping.minimumValue(mm, nn, q);
        Certified cubic = D2EarlyStopping.optimalStoppingTimeWithCubicTerm(mm, nn, q);
        Certified constant = D2EarlyStopping.minimumValue(BigInteger.ONE, BigInteger.ONE, q);
        BigInteger product = mm.multiply(nn);
        boolean tauInDomain = product.compareTo(BigInteger.valueOf(4)) >= 0;
        // The cubic root is ≥ 1 iff the increasing left side 4τ⁵/(mN) + 3τ⁴/m² is ≤ 1 at τ = 1: 4m + 3N ≤ m²N.
        boolean cubicInDomain = mm.multiply(BigInteger.valueOf(4)).add(nn.multiply(BigInteger.valueOf(3)))
                .compareTo(mm.multiply(mm).multiply(nn)) <= 0;
        int digits = Math.max(ThresholdCommand.digitsFor(tauStar, w, common),
                Math.max(ThresholdCommand.digitsFor(minimum, w, common), ThresholdCommand.digitsFor(cubic, w, common)));
        ResultIndex.Result res = ResultIndex.bundled().get("D2");
        String hidden = ThresholdCommand.hiddenConstant();
        if (common.json()) {
            JsonObject o = Json.resultObject("D2");
            JsonObject params = o.getAsJsonObject("parameters");
            params.addProperty("m", mm.toString());
            params.addProperty("n", nn.toString());
            params.addProperty("width", w.toString());
            params.addProperty("precision_bits", p.bits());
            o.addProperty("precision_bits_used", q.bits());
            o.add("tau_star", Json.value(tauStar, digits));
            o.add("minimum_value", Json.value(minimum, digits));
            o.add("constant", Json.value(constant, digits));
            o.add("tau_star_with_cubic_term", Json.value(cubic, digits));
            o.addProperty("tau_star_in_d0_domain", tauInDomain);
            o.addProperty("tau_star_with_cubic_term_in_d0_domain", cubicInDomain);
            o.addProperty("hidden_constant", "phi is the tau-dependent part of the D0 bound, which holds " + hidden);
            ThresholdCommand.emit(spec, Json.print(o));
            return;
        }
        StringBuilder t = new StringBuilder();
        t.append(res.headline()).append(" - a reconstruction, not the paper's own theorem\n");
        t.append(Json.proofLines(res.id()));
        t.append("phi(tau) = tau^4/(m*N) + 1/tau, m = ").append(mm).append(", N = ").append(nn)
                .append(" (the tau-dependent part of the D0 bound, which holds ").append(hidden).append(")\n");
        t.append("tau* = (m*N/4)^(1/5) = ").append(tauStar.format(digits)).append('\n');
        t.append("phi(tau*) = 5*4^(-4/5)*(m*N)^(-1/5) = ").append(minimum.format(digits))
                .append("  (5*4^(-4/5) = ").append(constant.format(digits)).append(")\n");
        t.append("tau* with tau^3/m^2 kept (root of 4 tau^5/(m*N) + 3 tau^4/m^2 = 1) = ").append(cubic.format(digits))
                .append('\n');
        if (!tauInDomain || !cubicInDomain) {
            t.append("note: a stopping time below 1 lies outside D0's domain tau >= 1\n");
        }
        t.append("phi is U-shaped in tau: stop early, per generation, at tau_j = (m*N_j/4)^(1/5)\n");
        ThresholdCommand.emit(spec, t.toString());
    }
}
