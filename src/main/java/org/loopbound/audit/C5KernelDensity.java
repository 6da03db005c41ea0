package org.loopbound.audit;

import java.math.BigInteger;
import java.util.Locale;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.plot.Chart;
import org.loopbound.arith.Interval;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.bound.K2KdeExpectedDensity;
import org.loopbound.bound.Scenario;
import org.loopbound.bound.ScenarioArguments;
import org.loopbound.bound.ScenarioParameter;
import org.loopbound.diffusion.GaussianMixture;
import org.loopbound.kde.Bandwidth;
import org.loopbound.kde.KdeLoop;
import org.loopbound.kde.KdeLoopExperiment;
import org.loopbound.stats.MeanInterval;

/**
 * C5: kernel density estimation in the loop — K2's certified lower bound TV(E p̂_i, p₀) and effective bandwidth, and
 * the KDE loop in simulation for λ = 0 and λ = 1/2, which must pass every K2 check (mean densities within their
 * Bonferroni intervals of K2's exact E p̂_i, simulated E TV above the certified lower bound).
 */
final class C5KernelDensity implements ClaimCheck {

    private static final Rational H = Rational.of(1, 5);
    private static final int DIGITS = 12;
    private static final int LOOP_GENERATIONS = 9;
    private static final long N = 100;

    @Override
    public int steps() {
        return 3;
    }

    @Override
    public void audit(Context context, ClaimSection c5) {
        certified(context, c5);
        Chart plot = new Chart("KDE loop: simulated E TV and the K2 lower bound (h = 1/5, N = 100)",
                "generation i", "total variation (TV)");
        simulated(context, c5, plot, Scenario.FULLY_SYNTHETIC, null);
        simulated(context, c5, plot, Scenario.FIXED_PROPORTION, Rational.of(1, 2));
        c5.figure("kde-simulated.svg", "KDE loop (Gaussian kernel, h = 1/5, p₀ = N(0,1), N = 100 per generation):"
                + " simulated E TV(p̂_i, p₀) with 95% confidence bands, above the certified K2 [derived] lower bound"
                + " TV(E p̂_i, p₀) (Jensen), fully synthetic (λ = 0) and with half real data (λ = 1/2). TV by"
                + " quadrature of |p̂_i − p₀|.", plot);
    }

    /** The K2 lower bound and the effective bandwidth for λ = 0 and λ = 1/2. */
    private static void certified(Context context, ClaimSection c5) {
        Precision p = context.config().precision();
        context.progress().accept("certify K2");
        int gens = 10;
        double[] x = new double[gens];
        double[] tv0 = new double[gens];
        double[] tvHalf = new double[gens];
        double[] bw0 = new double[gens];
        double[] bwHalf = new double[gens];
        for (int i = 0; i < gens; i++) {
            x[i] = i;
            Interval a = K2KdeExpectedDensity.tvToReal(Rational.ONE, H, Rational.ZERO, i, p);
            Interval c = K2KdeExpectedDensity.tvToReal(Rational.ONE, H, Rational.of(1, 2), i, p);
            tv0[i] = a.hi().doubleValue();
            tvHalf[i] = c.hi().doubleValue();
            bw0[i] = K2KdeExpectedDensity.effectiveBandwidth(H, Rational.ZERO, i, p).approx();
            bwHalf[i] = K2KdeExpectedDensity.effectiveBandwidth(H, Rational.of(1, 2), i, p).approx();
            if (i == 0 || i == 1 || i == 4 || i == 9) {
                c5.number("TV(E p̂_" + i + ", p₀), p₀ = N(0,1), h = 1/5, λ = 0 (certified lower bound on E TV)",
                        a.format(DIGITS), "[derived]");
            }
        }
        c5.figure("kde-k2.svg", "K2 [derived]: the certified lower bound TV(E p̂_i, p₀) ≤ E TV(p̂_i, p₀) for a Gaussian"
                + " KDE with h = 1/5 and p₀ = N(0,1), fully synthetic (λ = 0) and with half real data (λ = 1/2).",
                new Chart("KDE: certified lower bound on E TV", "generation i", "TV(E p̂_i, p₀)")
                        .line("λ = 0", x, tv0).line("λ = 1/2", x, tvHalf));
        c5.figure("kde-bandwidth.svg", "Effective bandwidth of E p̂_i (K2): h·√(i+1) when fully synthetic; bounded "
                        + "when a proportion λ of real data is mixed in.",
                new Chart("KDE: effective bandwidth growth", "generation i", "effective bandwidth (units of p₀'s σ)")
                        .line("λ = 0", x, bw0).line("λ = 1/2", x, bwHalf));
    }

    /** One KDE loop against K2's checks. */
    private static void simulated(Context context, ClaimSection c5, Chart plot, Scenario scenario,
                                  @Nullable Rational lambda) {
        AuditConfig config = context.config();
        String lam = lambda == null ? "0" : lambda.toString();
        context.progress().accept("kde loop lambda = " + lam);
        int reps = config.plan().kdeReplicates();
        long seed = config.seed() + 300;
        KdeLoopExperiment.Result res = context.runner().run(KdeLoopExperiment.of(new KdeLoopExperiment.Config(
                new KdeLoop.Settings(GaussianMixture.parse("1:0:1"), Bandwidth.fixed(H), new double[] {0, 1, 2}),
                scenario.schedule(ScenarioArguments.of(LOOP_GENERATIONS).with(ScenarioParameter.N, N)
                        .withIfPresent(ScenarioParameter.LAMBDA, lambda)), reps, seed, config.precision())), "kde loop");
        int n = res.tv().size();
        double[] x = new double[n];
        double[] lower = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            lower[i] = lowerEnd(res, i);
        }
        double[] mean = res.tv().stream().mapToDouble(MeanInterval::mean).toArray();
        String label = "λ = " + lam;
        plot.band("simulated 95% CI, " + label, x, res.tv().stream().mapToDouble(MeanInterval::lo).toArray(),
                res.tv().stream().mapToDouble(MeanInterval::hi).toArray())
                .line("simulated E TV, " + label, x, mean)
                .dashed("K2 lower bound TV(E p̂_i, p₀), " + label, x, lower);
        boolean pass = res.k2AllChecksPass();
        String command = "kde loop --scenario " + scenario.cliName() + " --n " + N + " --bandwidth " + H
                + " --generations " + LOOP_GENERATIONS + " --replicates " + reps + " --seed " + seed
                + (lambda == null ? "" : " --lambda " + lambda) + config.threadsOption();
        c5.check(pass, "PASS iff at every generation and check point x = 0, 1, 2 the exact E p̂_i(x) of K2 lies in the"
                + " simulated mean density's Bonferroni 95% interval, and the simulated E TV's interval does not lie"
                + " below K2's certified lower bound TV(E p̂_i, p₀)", String.format(Locale.ROOT,
                "KDE loop, %s (%s, N = 100, h = 1/5, %d replicates, generations 0…%d): the mean density at"
                        + " x = 0, 1, 2 matches K2's exact E p̂_i within Bonferroni 95%% intervals and the simulated"
                        + " E TV sits above the certified lower bound TV(E p̂_i, p₀) (at i = %d: %.4f ≥ %.4f) — %s;"
                        + " `loopbound %s`",
                label, scenario.cliName(), reps, LOOP_GENERATIONS, LOOP_GENERATIONS,
                res.tv().get(LOOP_GENERATIONS).mean(), lowerEnd(res, LOOP_GENERATIONS),
                pass ? "all K2 checks pass" : "some K2 check FAILED", command));
    }

    /** The upper end of K2's certified lower bound at generation i, or NaN where K2 does not apply. */
    private static double lowerEnd(KdeLoopExperiment.Result res, int i) {
        return i < res.tvChecks().size() ? res.tvChecks().get(i).lowerBound().hi().doubleValue() : Double.NaN;
    }
}
