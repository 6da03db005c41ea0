package org.loopbound.cli;

import com.google.gson.JsonObject;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.bound.P1PhaseTransition;
import org.loopbound.spec.ResultIndex;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code threshold p1}: the one-step phase transition f(s) = e·s/(r+s) + b·(r+s)^(−α) of P1 and its threshold s*. */
@Command(name = "p1", sortOptions = false,
        description = {"P1 [derived]: one step trained on r real and s synthetic samples from a generation with error",
            "e; the threshold s* where f stops rising, its ratio s*/r, the peak f(s*) and whether a transition",
            "exists."})
final class ThresholdP1Command implements Runnable {
    @Mixin ThresholdCommand.PhaseOptions phase = new ThresholdCommand.PhaseOptions();

    @Domains.In("(0, ∞)")
    @Option(names = "--inherited", paramLabel = "e",
            description = "Inherited error e of the generation that made the synthetic data; default"
                    + " e = b r^(-alpha), a generation trained on the r real samples only.")
    @Nullable Rational inherited;

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
        Rational e = inherited;
        Precision q = ThresholdCommand.refine(w, p, pr -> e == null ? P1PhaseTransition.sStarFromReal(a, r, pr)
                : P1PhaseTransition.sStar(a, bb, e, r, pr));
        Certified inheritedValue = e == null ? P1PhaseTransition.inheritedFromReal(a, bb, r, q) : Certified.exact(e);
        Certified criticalSize = e == null ? P1PhaseTransition.criticalSizeFromReal(a, r, q)
                : P1PhaseTransition.criticalSize(a, bb, e, r, q);
        Certified sStar = e == null ? P1PhaseTransition.sStarFromReal(a, r, q)
                : P1PhaseTransition.sStar(a, bb, e, r, q);
        Certified ratio = e == null ? P1PhaseTransition.ratioFromReal(a, q) : P1PhaseTransition.ratio(a, bb, e, r, q);
        // e = b r^(-alpha) gives e r^alpha = b > alpha b: the default always has a transition.
        boolean exists = e == null || P1PhaseTransition.transitionExists(a, bb, e, r);
        Certified peak = exists
                ? Certified.enclosed(P1PhaseTransition.value(a, bb, inheritedValue, r, sStar.enclosure(q), q))
                : P1PhaseTransition.value(a, bb, inheritedValue, r, Rational.ZERO, q);
        int digits = ThresholdCommand.digitsFor(sStar, w, common);
        ResultIndex.Result res = ResultIndex.bundled().get("P1");
        if (common.json()) {
            JsonObject o = Json.resultObject("P1");
            JsonObject params = o.getAsJsonObject("parameters");
            params.addProperty("alpha", a.toString());
            params.addProperty("b", bb.toString());
            params.addProperty("real", r.toString());
            params.addProperty("inherited", e == null ? "b*real^(-alpha) (default)" : e.toString());
            params.addProperty("width", w.toString());
            params.addProperty("precision_bits", p.bits());
            o.addProperty("precision_bits_used", q.bits());
            o.add("inherited", Json.value(inheritedValue, digits));
            o.addProperty("condition", "e*r^alpha > alpha*b");
            o.addProperty("transition_exists", exists);
            o.add("critical_size", Json.value(criticalSize, digits));
            o.add("s_star", Json.value(sStar, digits));
            o.add("ratio", Json.value(ratio, digits));
            o.add(exists ? "peak_value" : "value_at_zero", Json.value(peak, digits));
            o.add("limit", Json.value(inheritedValue, digits));
            o.addProperty("shape", exists ? "f rises on [0, s_star] and falls on [s_star, inf), tending to e"
                    : "f falls on [0, inf), tending to e; its maximum over s >= 0 is at s = 0");
            ThresholdCommand.emit(spec, Json.print(o));
            return;
        }
        StringBuilder t = new StringBuilder();
        t.append(res.headline()).append(" - a reconstruction, not the paper's own theorem\n");
        t.append(Json.proofLines(res.id()));
        t.append("f(s) = e*s/(r+s) + b*(r+s)^(-alpha), alpha = ").append(a).append(", b = ").append(bb)
                .append(", r = ").append(r).append('\n');
        t.append(e == null ? "e = b*r^(-alpha) (default: the previous generation saw the r real samples only) = "
                : "e = ").append(inheritedValue.format(digits)).append('\n');
        t.append("transition exists (e*r^alpha > alpha*b): ").append(exists ? "yes" : "no").append('\n');
        t.append("N* = (e*r/(alpha*b))^(1/(1-alpha)) = ").append(criticalSize.format(digits)).append('\n');
        t.append("s* = N* - r = ").append(sStar.format(digits)).append('\n');
        t.append("s*/r = ").append(ratio.format(digits)).append('\n');
        if (exists) {
            t.append("f(s*) = ").append(peak.format(common.tableDigits())).append('\n');
            t.append("f rises on [0, s*] and falls beyond it, toward e (").append(ThresholdCommand.claimTag("C3"))
                    .append(", formalized by P1 ").append(res.label().tag()).append(")\n");
        } else {
            t.append("no transition: s* <= 0, f falls on [0, inf) toward e; its maximum over s >= 0 is f(0) = ")
                    .append(peak.format(common.tableDigits())).append('\n');
        }
        ThresholdCommand.emit(spec, t.toString());
    }
}
