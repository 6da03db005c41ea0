package org.loopbound.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Interval;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.bound.D1DiffusionPropagation;
import org.loopbound.bound.D2EarlyStopping;
import org.loopbound.bound.P1PhaseTransition;
import org.loopbound.bound.P2UnrolledPhaseTransition;
import org.loopbound.bound.Scenario;
import org.loopbound.bound.ScenarioArguments;
import org.loopbound.bound.ScenarioParameter;
import org.loopbound.bound.Schedule;
import org.loopbound.spec.ResultIndex;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code loopbound threshold}: the phase-transition threshold s* of claim C3 (P1 one step, P2 over i generations),
 * optimal early stopping of diffusion models (D2, {@code --stopping}) and their error propagation (D1,
 * {@code --diffusion}). Exactly one mode per run; options of another mode are refused.
 */
@Command(name = "threshold", sortOptions = false,
        description = {
            "Phase transition in the synthetic amount s (claim C3): the threshold s* where the bound stops rising,",
            "for one step (P1 [derived], with --inherited e) or unrolled over i generations (P2 [derived], with",
            "--generations i); with --stopping the optimal early stopping time of a diffusion model (D2 [derived]);",
            "with --diffusion the propagated diffusion bound (D1 [derived], up to the hidden constant C of D0).",
            "Values are exact rationals when rational, certified enclosures [lo, hi] otherwise."})
public final class ThresholdCommand implements Runnable {

    /** The largest working precision the width refinement may reach. */
    private static final int MAX_REFINE_BITS = P2UnrolledPhaseTransition.MAX_WORKING_BITS;
    /** The most digits printed for an enclosure (enough for any width the precision cap can reach). */
    private static final int MAX_DIGITS = 10_000;
    private static final Rational DEFAULT_WIDTH = Rational.of(BigInteger.ONE, BigInteger.TEN.pow(20));

    @Option(names = "--alpha", converter = RationalConverter.class, paramLabel = "α",
            description = "Exponent alpha of the learning error eps(N) = b N^(-alpha), in (0, 1) (P1, P2).")
    @Nullable Rational alpha;

    @Option(names = "--b", converter = RationalConverter.class, paramLabel = "b",
            description = "Constant b > 0 of eps(N) = b N^(-alpha) (P1, P2).")
    @Nullable Rational b;

    @Option(names = "--real", converter = RationalConverter.class, paramLabel = "r",
            description = "Real amount r > 0 (P1, P2); with --diffusion: real samples per generation, whole.")
    @Nullable Rational real;

    @Option(names = "--inherited", converter = RationalConverter.class, paramLabel = "e",
            description = "Inherited error e > 0 of the generation that made the synthetic data (P1); default"
                    + " e = b r^(-alpha), a generation trained on the r real samples only.")
    @Nullable Rational inherited;

    @Option(names = "--generations", paramLabel = "i",
            description = "P2: number of generations i in [1, 10000]. With --diffusion: last generation i (default"
                    + " 10).")
    @Nullable Integer generations;

    @Option(names = "--width", converter = RationalConverter.class, paramLabel = "w",
            description = "Target width w > 0 of the enclosure of s* (P1, P2) or of the D2 values (default 1e-20).")
    @Nullable Rational width;

    @Option(names = "--stopping", description = "D2: optimal early stopping time for --m and --n.")
    boolean stopping;

    @Option(names = "--diffusion", description = "D1: diffusion error propagation over a --scenario.")
    boolean diffusion;

    @Option(names = "--m", converter = RationalConverter.class, paramLabel = "m",
            description = "Width m of the score network, a whole number in [1, 10^18] (D1, D2).")
    @Nullable Rational m;

    @Option(names = "--n", converter = RationalConverter.class, paramLabel = "N",
            description = "Sample size N, whole, in [1, 10^18] (D2); with --diffusion: N per generation of the"
                    + " scenario (growing-size: N_0).")
    @Nullable Rational n;

    @Option(names = "--scenario", paramLabel = "NAME",
            description = "D1: fully-synthetic | fixed-proportion | last-injection | growing-size |"
                    + " expanding-synthetic | accumulate")
    @Nullable String scenario;

    @Option(names = "--lambda", converter = RationalConverter.class, paramLabel = "λ",
            description = "D1: real proportion lambda in [0, 1] (as in 'loopbound bound').")
    @Nullable Rational lambda;

    @Option(names = "--synthetic", converter = RationalConverter.class, paramLabel = "s",
            description = "D1: synthetic samples per generation (expanding-synthetic, accumulate), whole, in"
                    + " [0, 10^18].")
    @Nullable Rational synthetic;

    @Option(names = "--growth-exponent", paramLabel = "g",
            description = "D1, growing-size: N_j = N_0 (j+1)^g, g in [0, 16] (default 4).")
    @Nullable Integer growthExponent;

    @Option(names = "--tau", converter = RationalConverter.class, paramLabel = "τ",
            description = "D1: the same stopping time tau >= 1 in every generation.")
    @Nullable Rational tau;

    @Option(names = "--tau-rule", paramLabel = "RULE",
            description = "D1: 'd2' for tau_j = (m N_j/4)^(1/5) per generation (the default without --tau).")
    @Nullable String tauRule;

    @Option(names = "--extra", converter = RationalConverter.class, paramLabel = "E",
            description = "D1: remaining terms E >= 0 of D0 in every generation (default 0).")
    @Nullable Rational extra;

    @Mixin
    CommonOptions common = new CommonOptions();

    @CommandLine.Spec
    @SuppressWarnings("nullness:initialization.field.uninitialized") // injected by picocli
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        Precision p = common.precision();
        String out;
        if (stopping && diffusion) {
            throw new UsageError("--stopping (D2) and --diffusion (D1) are different modes: give at most one");
        }
        if (stopping) {
            forbid("--stopping (D2)", "--alpha", alpha, "--b", b, "--real", real, "--inherited", inherited,
                    "--generations", generations, "--scenario", scenario, "--lambda", lambda, "--synthetic",
                    synthetic, "--growth-exponent", growthExponent, "--tau", tau, "--tau-rule", tauRule, "--extra",
                    extra);
            out = stoppingTime(p);
        } else if (diffusion) {
            forbid("--diffusion (D1)", "--alpha", alpha, "--b", b, "--inherited", inherited, "--width", width);
            out = diffusionBound(p);
        } else {
            forbid("the threshold (P1/P2)", "--m", m, "--n", n, "--scenario", scenario, "--lambda", lambda,
                    "--synthetic", synthetic, "--growth-exponent", growthExponent, "--tau", tau, "--tau-rule",
                    tauRule, "--extra", extra);
            out = threshold(p);
        }
        spec.commandLine().getOut().print(out);
        spec.commandLine().getOut().flush();
    }

    /** Refuses options that belong to another mode: pairs of option name and value (null when absent). */
    private static void forbid(String mode, @Nullable Object... namesAndValues) {
        for (int k = 0; k + 1 < namesAndValues.length; k += 2) {
            if (namesAndValues[k + 1] != null) {
                throw new UsageError(namesAndValues[k] + " is not an option of " + mode
                        + ": give the options of one mode only (see 'loopbound threshold --help')");
            }
        }
    }

    // ---- P1 and P2 ----------------------------------------------------------------------------------------------

    private String threshold(Precision p) {
        Rational a = Domains.open("--alpha", Domains.required("--alpha", alpha, "for the threshold (P1/P2)"),
                Rational.ZERO, Rational.ONE);
        Rational bb = Domains.positive("--b", Domains.required("--b", b, "for the threshold (P1/P2)"));
        Rational r = Domains.positive("--real", Domains.required("--real", real, "for the threshold (P1/P2)"));
        Rational w = Domains.positive("--width", width == null ? DEFAULT_WIDTH : width);
        Integer gens = generations;
        if (gens != null) {
            if (inherited != null) {
                throw new UsageError("--inherited (P1, one step) and --generations (P2, unrolled) are different"
                        + " modes: give at most one");
            }
            if (gens < 1 || gens > P2UnrolledPhaseTransition.MAX_GENERATIONS) {
                throw new UsageError("--generations must be in [1, " + P2UnrolledPhaseTransition.MAX_GENERATIONS
                        + "] for P2, got " + gens);
            }
            return unrolled(a, bb, r, gens, w, p);
        }
        Rational e = inherited == null ? null : Domains.positive("--inherited", inherited);
        return oneStep(a, bb, r, e, w, p);
    }

    private String oneStep(Rational a, Rational bb, Rational r, @Nullable Rational e, Rational w, Precision p) {
        Precision q = refine(w, p, pr -> e == null ? P1PhaseTransition.sStarFromReal(a, r, pr)
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
        int digits = digitsFor(sStar, w);
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
            return Json.print(o);
        }
        StringBuilder t = new StringBuilder();
        t.append(res.headline()).append(" - a reconstruction, not the paper's own theorem\n");
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
            t.append("f rises on [0, s*] and falls beyond it, toward e (").append(claimTag("C3"))
                    .append(", formalized by P1 ").append(res.label().tag()).append(")\n");
        } else {
            t.append("no transition: s* <= 0, f falls on [0, inf) toward e; its maximum over s >= 0 is f(0) = ")
                    .append(peak.format(common.tableDigits())).append('\n');
        }
        return t.toString();
    }

    private String unrolled(Rational a, Rational bb, Rational r, int i, Rational w, Precision p) {
        P2UnrolledPhaseTransition.Maximizer mx = P2UnrolledPhaseTransition.maximizer(a, bb, r, i, w, p);
        Precision q = Precision.bits(Math.max(p.bits(), mx.precision().bits()));
        Certified peak = Certified.enclosed(P2UnrolledPhaseTransition.value(a, bb, r, i, mx.sStar().enclosure(), q));
        Certified ends = P2UnrolledPhaseTransition.value(a, bb, r, i, Rational.ZERO, q);
        int digits = digitsFor(mx.sStar(), w);
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
            return Json.print(o);
        }
        StringBuilder t = new StringBuilder();
        t.append(res.headline()).append(" - a reconstruction, not the paper's own theorem\n");
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
        t.append("F_i rises on [0, s*] and falls beyond it (").append(claimTag("C3")).append(", formalized by P2 ")
                .append(res.label().tag()).append(")\n");
        return t.toString();
    }

    // ---- D2 -----------------------------------------------------------------------------------------------------

    private String stoppingTime(Precision p) {
        BigInteger mm = Domains.size("--m", Domains.required("--m", m, "with --stopping"), 1);
        BigInteger nn = Domains.size("--n", Domains.required("--n", n, "with --stopping"), 1);
        Rational w = Domains.positive("--width", width == null ? DEFAULT_WIDTH : width);
        Precision q = refine(w, p, pr -> D2EarlyStopping.optimalStoppingTime(mm, nn, pr));
        q = refine(w, q, pr -> D2EarlyStopping.minimumValue(mm, nn, pr));
        q = refine(w, q, pr -> D2EarlyStopping.optimalStoppingTimeWithCubicTerm(mm, nn, pr));
        Certified tauStar = D2EarlyStopping.optimalStoppingTime(mm, nn, q);
        Certified minimum = D2EarlyStopping.minimumValue(mm, nn, q);
        Certified cubic = D2EarlyStopping.optimalStoppingTimeWithCubicTerm(mm, nn, q);
        Certified constant = D2EarlyStopping.minimumValue(BigInteger.ONE, BigInteger.ONE, q);
        BigInteger product = mm.multiply(nn);
        boolean tauInDomain = product.compareTo(BigInteger.valueOf(4)) >= 0;
        // The cubic root is ≥ 1 iff the increasing left side 4τ⁵/(mN) + 3τ⁴/m² is ≤ 1 at τ = 1: 4m + 3N ≤ m²N.
        boolean cubicInDomain = mm.multiply(BigInteger.valueOf(4)).add(nn.multiply(BigInteger.valueOf(3)))
                .compareTo(mm.multiply(mm).multiply(nn)) <= 0;
        int digits = Math.max(digitsFor(tauStar, w), Math.max(digitsFor(minimum, w), digitsFor(cubic, w)));
        ResultIndex.Result res = ResultIndex.bundled().get("D2");
        String hidden = hiddenConstant();
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
            return Json.print(o);
        }
        StringBuilder t = new StringBuilder();
        t.append(res.headline()).append(" - a reconstruction, not the paper's own theorem\n");
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
        return t.toString();
    }

    // ---- D1 -----------------------------------------------------------------------------------------------------

    private String diffusionBound(Precision p) {
        String name = Domains.required("--scenario", scenario, "with --diffusion");
        Scenario sc = Scenario.byName(name);
        if (sc == null) {
            throw new UsageError("--scenario must be one of " + Scenario.names() + ", got '" + name + "'");
        }
        int growth = growthExponent == null ? 4 : growthExponent;
        BigInteger mm = Domains.size("--m", Domains.required("--m", m, "with --diffusion"), 1);
        Schedule schedule = sc.schedule(ScenarioArguments.of(generations == null ? 10 : generations)
                .withIfPresent(ScenarioParameter.N, n).withIfPresent(ScenarioParameter.LAMBDA, lambda)
                .withIfPresent(ScenarioParameter.REAL, real).withIfPresent(ScenarioParameter.SYNTHETIC, synthetic)
                .with(ScenarioParameter.GROWTH_EXPONENT, growth));
        int g = schedule.generations();
        Rational e = extra == null ? Rational.ZERO : Domains.nonNegative("--extra", extra);
        Rational fixedTau = tau;
        String rule = tauRule;
        if (fixedTau != null && rule != null) {
            throw new UsageError("--tau and --tau-rule are alternatives: give at most one");
        }
        if (rule != null && !rule.equals("d2")) {
            throw new UsageError("--tau-rule must be d2, got '" + rule + "'");
        }
        List<Certified> taus;
        if (fixedTau != null) {
            if (fixedTau.compareTo(Rational.ONE) < 0) {
                throw new UsageError("--tau must be >= 1 (the domain of D0), got " + fixedTau);
            }
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
        String tauDescription = fixedTau != null ? "tau = " + fixedTau : "tau_j = (m*N_j/4)^(1/5) (D2 rule)";
        String hidden = hiddenConstant();
        ResultIndex.Result res = ResultIndex.bundled().get("D1");
        if (common.json()) {
            int digits = common.digits();
            JsonObject o = Json.resultObject("D1");
            JsonObject params = o.getAsJsonObject("parameters");
            params.addProperty("scenario", sc.cliName());
            params.addProperty("generations", g);
            params.addProperty("m", mm.toString());
            Json.addIfPresent(params, "n", n);
            Json.addIfPresent(params, "lambda", lambda);
            Json.addIfPresent(params, "real", real);
            Json.addIfPresent(params, "synthetic", synthetic);
            if (sc == Scenario.GROWING_SIZE) {
                params.addProperty("growth_exponent", growth);
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
            return Json.print(o);
        }
        int digits = common.tableDigits();
        StringBuilder t = new StringBuilder();
        t.append(res.headline()).append(" - a reconstruction, not the paper's own theorem\n");
        t.append("every value below holds ").append(hidden).append(": TV(p_i, p_0) <= sqrt(C/2) * B_i\n");
        t.append("scenario ").append(sc.cliName()).append("; m = ").append(mm).append("; ").append(tauDescription)
                .append("; E = ").append(e).append('\n');
        Table table = new Table("i", "lambda_i", "N_i", "tau_i", "eps_i (up to C)", "B_i (up to C)");
        for (int j = 0; j <= g; j++) {
            table.row(Integer.toString(j), schedule.lambda(j).toString(), schedule.size(j).toString(),
                    Table.cell(taus.get(j), digits), Table.cell(eps.get(j), digits), Table.cell(bounds.get(j), digits));
        }
        t.append(table.render());
        return t.toString();
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /**
     * The precision, from {@code start} doubling up to {@link #MAX_REFINE_BITS}, at which {@code value} is exact or
     * enclosed with width at most {@code width}.
     */
    private static Precision refine(Rational width, Precision start, Function<Precision, Certified> value) {
        for (int bits = start.bits(); ; bits = Math.min(MAX_REFINE_BITS, bits * 2)) {
            Precision q = Precision.bits(bits);
            Certified v = value.apply(q);
            if (v.isExact() || v.enclosure().width().toRational().compareTo(width) <= 0) {
                return q;
            }
            if (bits >= MAX_REFINE_BITS) {
                throw new ArithmeticException("no enclosure as narrow as --width within " + MAX_REFINE_BITS
                        + " bits");
            }
        }
    }

    /**
     * Significant digits that print an enclosure of width about w without widening it much: the digits of
     * max(|lo|, |hi|)/w plus two, at least the JSON default, at most {@link #MAX_DIGITS}.
     */
    private int digitsFor(Certified v, Rational w) {
        if (v.isExact()) {
            return common.digits();
        }
        Interval x = v.enclosure();
        long magnitude = Math.max(x.lo().magnitude(), x.hi().magnitude()) + 1;
        long widthBits = (long) w.numerator().bitLength() - w.denominator().bitLength() - 1;
        long digits = (magnitude - widthBits) * 30103L / 100000L + 3;
        return (int) Math.max(common.digits(), Math.min(MAX_DIGITS, digits));
    }

    /** "up to the hidden constant C of D0 [imported]", with D0's label read from the result index. */
    private static String hiddenConstant() {
        return "up to the hidden constant C of D0 " + ResultIndex.bundled().get("D0").label().tag();
    }

    private static String claimTag(String claim) {
        return claim + " " + ResultIndex.Label.CLAIM.tag();
    }

}
