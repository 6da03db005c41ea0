package org.loopbound.cli;

import com.google.gson.JsonObject;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.bound.P2UnrolledPhaseTransition;
import org.loopbound.spec.ResultIndex;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code threshold p2}: the unrolled phase transition F_i(s) of P2 and its certified maximizer s*. */
@Command(name = "p2", sortOptions = false,
        description = {"P2 [derived]: i generations, each trained on r real and s synthetic samples; the certified",
            "maximizer s* of the unrolled bound F_i(s), its ratio s*/r, the peak and the sign certificate."})
final class ThresholdP2Command implements Runnable {
    @Mixin ThresholdCommand.PhaseOptions phase = new ThresholdCommand.PhaseOptions();

    @Option(names = "--generations", required = true, paramLabel = "i", description = "Number of generations i.")
    @Domains.In("[1, " + P2UnrolledPhaseTransition.MAX_GENERATIONS + "]")
    int generations;

    @Mixin ThresholdCommand.WidthOption width = new ThresholdCommand.WidthOption();
    @Mixin CommonOptions common = new CommonOptions();
    @CommandLine.Spec
    @SuppressWarnings("nullness:initialization.field.uninitialized") // injected by picocli
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        Precision p = common.precision();
        Rational a = phase.alpha();
        Rational bb = phase.b();
        Rational r = phase.real();
        Rational w = width.width();
        int i = generations;
        P2UnrolledPhaseTransition.Maximizer mx = P2UnrolledPhaseTransition.maximizer(a, bb, r, i, w, p);
        Precision q = Precision.bits(Math.max(p.bits(), mx.precision().bits()));
        Certified peak = Certified.enclosed(P2UnrolledPhaseTransition.value(a, bb, r, i, mx.sStar().enclosure(), q));
        Certified ends = P2UnrolledPhaseTransition.value(a, bb, r, i, Rational.ZERO, q);
        int digits = ThresholdCommand.digitsFor(mx.sStar(), w, common);
        ResultIndex.Result res = ResultIndex.bundled().get("P2");
        if (common.json()) {
            JsonObject o = Json.resultObject("P2");
            JsonObject params = o.getAsJsonObject("parameters");
            params.addProperty("alpha", a.toString());
            params.addProperty("b", bb.toString());
            params.addProperty("real", r.toString());
            params.addProperty("generations", i);
            params.addProperty("width", w.toString());
            params.addProperty("precision_bits", p.bits());
            o.addProperty("precision_bits_used", mx.precision().bits());
            o.add("s_star", Json.value(mx.sStar(), digits));
            o.add("ratio", Json.value(mx.ratio(), digits));
            o.add("peak_value", Json.value(peak, common.digits()));
            o.add("value_at_zero_and_infinity", Json.value(ends, common.digits()));
            JsonObject cert = new JsonObject();
            cert.add("derivative_at_lo", Json.value(Certified.enclosed(mx.derivativeAtLeft()), 6));
            cert.add("derivative_at_hi", Json.value(Certified.enclosed(mx.derivativeAtRight()), 6));
            cert.addProperty("statement", "F_i' > 0 at the lower end of s_star and F_i' < 0 at its upper end");
            o.add("certificate", cert);
            o.addProperty("shape", "F_i rises on [0, s_star] and falls on [s_star, inf), F_i(0) = F_i(inf)");
            ThresholdCommand.emit(spec, Json.print(o));
            return;
        }
        StringBuilder t = new StringBuilder();
        t.append(res.headline()).append(" - a reconstruction, not the paper's own theorem\n");
        t.append(Json.proofLines(res.id()));
        t.append("F_i(s) = b*r^(-alpha)*(s/N)^i + b*N^(-alpha)*sum_{j<i} (s/N)^j, N = r + s; alpha = ").append(a)
                .append(", b = ").append(bb).append(", r = ").append(r).append(", i = ").append(i).append('\n');
        t.append("s* in ").append(mx.sStar().format(digits)).append("  (width <= ").append(w).append(")\n");
        t.append("s*/r in ").append(mx.ratio().format(digits)).append('\n');
        t.append("F_i(s*) in ").append(peak.format(common.tableDigits()))
                .append("; F_i(0) = F_i(inf) = b*r^(-alpha) = ")
                .append(ends.format(common.tableDigits())).append('\n');
        t.append("certificate: F_i' in ").append(mx.derivativeAtLeft().format(6)).append(" > 0 at the lower end, in ")
                .append(mx.derivativeAtRight().format(6)).append(" < 0 at the upper end (")
                .append(mx.precision().bits()).append(" working bits)\n");
        t.append("F_i rises on [0, s*] and falls beyond it (").append(ThresholdCommand.claimTag("C3"))
                .append(", formalized by P2 ").append(res.label().tag()).append(")\n");
        ThresholdCommand.emit(spec, t.toString());
    }
}
