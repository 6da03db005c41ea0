package org.loopbound.audit;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.bound.D2EarlyStopping;
import org.loopbound.diffusion.DiffusionLoop;
import org.loopbound.diffusion.GaussianMixture;
import org.loopbound.diffusion.HistogramTv;
import org.loopbound.diffusion.ReverseSampler;
import org.loopbound.diffusion.StoppingScaling;
import org.loopbound.plot.Chart;
import org.loopbound.stats.ArgminExponent;
import org.loopbound.stats.MeanInterval;
import org.loopbound.stats.Shapes;

/**
 * C4: optimal early stopping of diffusion models — D2's certified τ* and constant, and the measured best training
 * time of the reference diffusion model (generation 0, N real samples) on a fine τ grid for five sizes N spanning
 * 16×: the TV against τ must be U-shaped at the largest N (one-sided Welch tests of both ends against the minimum),
 * and D2's exponent 1/5 must lie in the bootstrap 95% interval of the fitted exponent of the best τ in N.
 */
final class C4EarlyStopping implements ClaimCheck {

    /** The reference model: the default of {@code loopbound diffusion} (bimodal p₀, SDE sampler, m = 128). */
    static final String P0 = "1/2:-2:1/4,1/2:2:1/4";
    static final int WIDTH = 128;
    private static final List<Long> SIZES = List.of(50L, 100L, 200L, 400L, 800L);
    /** The τ grid spans 10^5…10^9.5, where pilot runs put the minimum for every size (spec/diffusion.md units). */
    private static final int LOW_DECADE = 5;
    private static final int HIGH_HALF_DECADES = 19;
    private static final double LEVEL = 0.025;
    private static final int RESAMPLES = 2000;
    /** D2's exponent of τ* in N. */
    static final double D2_EXPONENT = 0.2;

    @Override
    public int steps() {
        return 2;
    }

    @Override
    public void audit(Context context, ClaimSection c4) {
        AuditConfig config = context.config();
        Precision p = config.precision();
        context.progress().accept("certify D2");
        BigInteger m = BigInteger.valueOf(WIDTH);
        c4.number("τ* = (m N/4)^(1/5) for m = 128, N = 400 (D2, up to D0's hidden constants)",
                D2EarlyStopping.optimalStoppingTime(m, BigInteger.valueOf(400), p).format(config.jsonDigits()),
                "[derived]");
        c4.number("5·4^(−4/5), the constant of φ(τ*) = 5·4^(−4/5)(m N)^(−1/5) (D2)",
                D2EarlyStopping.minimumValue(BigInteger.ONE, BigInteger.ONE, p).format(config.jsonDigits()),
                "[derived]");
        context.progress().accept("diffusion stopping-time scaling");
        AuditConfig.Plan plan = config.plan();
        List<Rational> taus = grid(plan.tausPerDecade());
        List<BigInteger> ns = SIZES.stream().map(BigInteger::valueOf).toList();
        long seed = config.seed() + 200;
        int reps = plan.diffusionReplicates();
        StoppingScaling.Result res = context.runner().run(StoppingScaling.of(new StoppingScaling.Config(
                settings(plan.evalSamples()), ns, taus, reps, RESAMPLES, seed)), "diffusion stopping-time scaling");
        String setup = String.format(Locale.ROOT, "generation 0 of the reference diffusion model (p₀ = %s, m = %d,"
                        + " SDE sampler, %d model samples per histogram TV), N = %s, τ grid 10^%d…10^%s with %d"
                        + " points per decade (%d points), %d replicates per N, seed %d", P0, WIDTH,
                plan.evalSamples(), SIZES, LOW_DECADE, HIGH_HALF_DECADES / 2.0, plan.tausPerDecade(), taus.size(),
                reps, seed);
        uShape(c4, res.tv().get(ns.size() - 1), taus, ns.get(ns.size() - 1), setup);
        judgeExponent(c4, res.fit(), ns, taus, setup);
        tables(c4, res, ns, taus);
        figures(c4, res, ns, taus);
        c4.note("τ is in the units of the gradient flow dA/dτ = −∇L (spec/diffusion.md); D2's τ* is in the units of"
                + " D0's bound, so only its scaling in N (the exponent 1/5) is compared, not its value. The best τ of"
                + " each N is a grid point, so the fitted exponent and its bootstrap interval move in steps of the"
                + " grid spacing over ln 16.");
    }

    /** 10^(LOW + j/d) for j = 0 … (HIGH − LOW)·d, each rounded to 6 significant digits (the grid is that rational). */
    static List<Rational> grid(int perDecade) {
        List<Rational> out = new ArrayList<>();
        long last = (long) HIGH_HALF_DECADES * perDecade / 2;
        for (long j = (long) LOW_DECADE * perDecade; j <= last; j++) {
            out.add(Rational.parse(String.format(Locale.ROOT, "%.6g", Math.pow(10, (double) j / perDecade))));
        }
        return out;
    }

    /**
     * Early stopping helps: at the largest N the TV is U-shaped in τ. A smallest mean at an end of the grid is a FAIL
     * (no U where the grid looked for one); an interior minimum whose ends are not significantly above it is
     * INCONCLUSIVE, since a test that did not reach its level is no evidence against the claim.
     */
    static void uShape(ClaimSection c4, List<MeanInterval> curve, List<Rational> taus, BigInteger n,
                               String setup) {
        Shapes.UShape u = Shapes.uShape(curve, LEVEL);
        int last = curve.size() - 1;
        boolean interior = 0 < u.minimum() && u.minimum() < last;
        Verdict verdict = u.uShaped() ? Verdict.PASS : interior ? Verdict.INCONCLUSIVE : Verdict.FAIL;
        c4.check(verdict, "PASS iff at the largest N the mean TV's smallest value lies strictly inside the τ grid"
                + " and both ends of the grid lie above it by one-sided Welch tests at level " + LEVEL + " each"
                + " (early stopping beats both too little and too much training); FAIL iff the smallest value lies at"
                + " an end of the grid; INCONCLUSIVE otherwise (interior minimum, some end not significantly above it)",
                String.format(Locale.ROOT,
                "N = %s: mean TV %.4g at τ = %s, minimum %.4g at τ = %s, %.4g at τ = %s; Welch p-values (end above"
                        + " minimum) %.3g and %.3g: %s; %s", n, curve.get(0).mean(), taus.get(0),
                curve.get(u.minimum()).mean(), taus.get(u.minimum()), curve.get(last).mean(), taus.get(last),
                u.pLeft(), u.pRight(), u.uShaped() ? "U-shaped" : interior ? "interior minimum, U not significant"
                        : "minimum at an end of the grid", setup));
    }

    /**
     * The exponent's verdict: PASS iff every best τ is interior to the grid and D2's 1/5 lies in the bootstrap
     * interval; FAIL otherwise, whatever the reason.
     */
    static void judgeExponent(ClaimSection c4, ArgminExponent.Fit fit, List<BigInteger> ns, List<Rational> taus,
                              String setup) {
        boolean pass = fit.consistentWith(D2_EXPONENT);
        StringBuilder best = new StringBuilder();
        for (int a = 0; a < ns.size() && a < fit.best().size(); a++) {
            best.append(a == 0 ? "" : ", ").append("N = ").append(ns.get(a)).append(": τ = ")
                    .append(taus.get(fit.best().get(a)));
        }
        String why = !fit.interior() ? "some best τ lies on the grid's edge, so the minimum is not located"
                : pass ? "1/5 lies in the interval" : "1/5 lies OUTSIDE the interval";
        c4.check(pass, "PASS iff the best τ of every N lies strictly inside the τ grid and D2's exponent 1/5 lies in"
                + " the percentile-bootstrap " + Math.round(100 * fit.confidence()) + "% interval of the least-squares"
                + " slope of ln(best τ) against ln N (" + fit.resamples() + " resamples of the replicates of each N,"
                + " fixed seed); FAIL otherwise", String.format(Locale.ROOT,
                "fitted exponent %.4f, bootstrap %d%% interval [%.4f, %.4f] (D2 predicts 0.2): %s; best τ per N: %s;"
                        + " %s", fit.exponent(), Math.round(100 * fit.confidence()), fit.lo(), fit.hi(), why, best,
                setup));
        c4.number("empirical exponent of the best τ in N (generation 0, grid argmin, least squares on ln–ln; D2"
                + " predicts 1/5)", Double.toString(fit.exponent()), "simulated (not certified)");
        c4.number("bootstrap " + Math.round(100 * fit.confidence()) + "% interval of that exponent",
                "[" + fit.lo() + ", " + fit.hi() + "]", "simulated (not certified)");
    }

    private static void tables(ClaimSection c4, StoppingScaling.Result res, List<BigInteger> ns,
                               List<Rational> taus) {
        List<List<String>> rows = new ArrayList<>();
        for (int a = 0; a < ns.size(); a++) {
            int b = res.fit().best().get(a);
            MeanInterval at = res.tv().get(a).get(b);
            rows.add(List.of(ns.get(a).toString(), taus.get(b).toString(), Double.toString(at.mean()),
                    "[" + at.lo() + ", " + at.hi() + "]",
                    Boolean.toString(b > 0 && b < taus.size() - 1)));
        }
        c4.table(new ClaimSection.Table("Best training time per N (argmin of the replicate mean TV over the τ grid)",
                List.of("N", "best τ", "mean TV at best τ", "95% CI", "interior"), rows));
        List<String> columns = new ArrayList<>();
        columns.add("τ");
        ns.forEach(n -> columns.add("mean TV, N = " + n));
        List<List<String>> cells = new ArrayList<>();
        for (int t = 0; t < taus.size(); t++) {
            List<String> row = new ArrayList<>();
            row.add(taus.get(t).toString());
            for (int a = 0; a < ns.size(); a++) {
                row.add(Double.toString(res.tv().get(a).get(t).mean()));
            }
            cells.add(row);
        }
        c4.table(new ClaimSection.Table("Mean TV(p̂_0, p₀) per τ and N", columns, cells));
    }

    private static void figures(ClaimSection c4, StoppingScaling.Result res, List<BigInteger> ns,
                                List<Rational> taus) {
        double[] x = taus.stream().mapToDouble(Rational::doubleValue).toArray();
        Chart plot = new Chart("Diffusion model: TV against the training time τ", "training time τ (flow units,"
                + " log scale)", "TV(p̂_0, p₀) (histogram estimate)").logX();
        for (int a = 0; a < ns.size(); a++) {
            List<MeanInterval> curve = res.tv().get(a);
            if (a == ns.size() - 1) {
                plot.band("95% CI, N = " + ns.get(a), x, curve.stream().mapToDouble(MeanInterval::lo).toArray(),
                        curve.stream().mapToDouble(MeanInterval::hi).toArray());
            }
            plot.line("N = " + ns.get(a), x, curve.stream().mapToDouble(MeanInterval::mean).toArray());
        }
        c4.figure("diffusion-tau.svg", "Generation 0 of the reference diffusion model (1-D Gaussian mixture,"
                + " random-feature score network of width m = 128 trained by the closed-form gradient flow for time"
                + " τ): mean TV against τ for each N, with the 95% band at the largest N.", plot);
        ArgminExponent.Fit fit = res.fit();
        List<Double> lnN = ns.stream().map(n -> Math.log(n.doubleValue())).toList();
        List<Double> lnTau = fit.best().stream().map(b -> Math.log(taus.get(b).doubleValue())).toList();
        double meanLn = lnN.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double meanLt = lnTau.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double[] ln = ScenarioSimulation.array(lnN);
        double[] lt = ScenarioSimulation.array(lnTau);
        double[] fitted = lnN.stream().mapToDouble(v -> meanLt + fit.exponent() * (v - meanLn)).toArray();
        double[] d2 = lnN.stream().mapToDouble(v -> meanLt + D2_EXPONENT * (v - meanLn)).toArray();
        c4.figure("diffusion-tau-scaling.svg", "ln(best τ) against ln N: the grid argmins, the least-squares line"
                + " (slope " + String.format(Locale.ROOT, "%.3f", fit.exponent()) + ") and a line of D2's slope 1/5"
                + " through the same centre.", new Chart("Best training time against N (ln–ln)", "ln N",
                "ln(best τ)").line("grid argmin", ln, lt).dashed("least-squares fit", ln, fitted)
                .dashed("D2: slope 1/5", ln, d2));
    }

    /** The model of {@code loopbound diffusion}'s defaults: SDE, K = 100, T = 6, t_min = 1/1000, 40 bins. */
    private static DiffusionLoop.Settings settings(int evalSamples) {
        GaussianMixture mix = GaussianMixture.parse(P0);
        return new DiffusionLoop.Settings(mix, WIDTH, 1, new ReverseSampler(ReverseSampler.Method.SDE,
                Rational.of(6).doubleValue(), 100, Rational.of(1, 1000).doubleValue()), HistogramTv.covering(mix, 40),
                evalSamples);
    }
}
