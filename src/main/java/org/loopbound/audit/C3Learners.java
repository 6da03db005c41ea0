package org.loopbound.audit;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import org.loopbound.plot.Chart;
import org.loopbound.arith.Rational;
import org.loopbound.bound.Scenario;
import org.loopbound.bound.ScenarioArguments;
import org.loopbound.bound.ScenarioParameter;
import org.loopbound.bound.Schedule;
import org.loopbound.diffusion.DiffusionLoop;
import org.loopbound.diffusion.GaussianMixture;
import org.loopbound.diffusion.HistogramTv;
import org.loopbound.diffusion.PhaseSweep;
import org.loopbound.diffusion.ReverseSampler;
import org.loopbound.diffusion.StoppingRule;
import org.loopbound.kde.Bandwidth;
import org.loopbound.kde.KdeLoop;
import org.loopbound.kde.KdePhaseSweep;
import org.loopbound.sim.AtomDistribution;
import org.loopbound.sim.Learner;
import org.loopbound.sim.Mixing;
import org.loopbound.sim.ReplicateResult;
import org.loopbound.sim.SimulationConfig;
import org.loopbound.sim.Simulator;
import org.loopbound.stats.RiseThenDecline;

/**
 * C3 about the TV itself: the expanding-synthetic sweep, finely in s/r, of learners whose errors carry a systematic
 * part inherited from the previous generation (add-β smoothing, fixed-bandwidth and Silverman KDE, the diffusion
 * model at a fixed training time), each tested for a rise, then a decline of TV(p̂_1, p₀) by one-sided Welch tests
 * ({@link RiseThenDecline}) with Holm's correction over the learners.
 */
final class C3Learners {

    /** The s/r grid of the learner sweep; r = REAL_SWEEP makes every s whole. */
    static final List<Rational> FINE = List.of(Rational.ZERO, Rational.of(1, 4), Rational.of(1, 2), Rational.ONE,
            Rational.of(2), Rational.of(3), Rational.of(4), Rational.of(6), Rational.of(8), Rational.of(12),
            Rational.of(16), Rational.of(32), Rational.of(64));
    private static final int REAL_SWEEP = 40;
    /** The generation whose TV the learner sweep tests: P1's single step, where s* / r = α^(−1/(1−α)) − 1. */
    private static final int SWEEP_GENERATION = 1;
    /** The family-wise level of the learners' tests (Holm). */
    static final double FAMILY_LEVEL = 0.05;

    /**
     * One learner's sweep.
     *
     * @param learner its name and setting
     * @param tv tv[t][r]: TV(p̂_1, p₀) at the t-th s/r of {@link #FINE} in replicate r
     * @param command how to reproduce it, or a sentence saying it runs only inside the audit
     */
    record LearnerSweep(String learner, double[][] tv, String command) {
    }

    private C3Learners() {
    }

    /** Runs the four learners' sweeps and judges them. */
    static void audit(ClaimCheck.Context context, ClaimSection section) {
        List<LearnerSweep> sweeps = new ArrayList<>();
        sweeps.add(addBeta(context));
        sweeps.add(kde(context, Bandwidth.fixed(Rational.of(1, 2)), "KDE, fixed bandwidth h = 1/2", 31));
        sweeps.add(kde(context, Bandwidth.silverman(), "KDE, Silverman bandwidth h ∝ N^(−1/5)", 32));
        sweeps.add(diffusion(context));
        judgeLearners(section, sweeps);
    }

    /** Add-β smoothing (β = 1) on two atoms, p₀ = (1/10, 9/10): its pull towards uniform is inherited. */
    private static LearnerSweep addBeta(ClaimCheck.Context context) {
        context.progress().accept("C3 learner sweep: add-beta");
        AuditConfig config = context.config();
        AtomDistribution p0 = AtomDistribution.parse("1/10,9/10");
        Learner learner = Learner.addBeta(Rational.ONE);
        int reps = 10 * config.plan().sweepReplicates();
        long seed = config.seed() + 300;
        double[][] tv = new double[FINE.size()][];
        for (int t = 0; t < tv.length; t++) {
            Schedule schedule = Scenario.EXPANDING_SYNTHETIC.schedule(ScenarioArguments.of(SWEEP_GENERATION)
                    .with(ScenarioParameter.REAL, REAL_SWEEP)
                    .with(ScenarioParameter.SYNTHETIC, synthetic(t).longValueExact()));
            SimulationConfig sim = new SimulationConfig(Scenario.EXPANDING_SYNTHETIC, schedule, p0, learner,
                    Mixing.STRATIFIED, reps, seed + t, ScenarioSimulation.DELTA, Rational.ONE, Rational.of(1, 1000),
                    config.precision());
            try {
                List<ReplicateResult> runs = new Simulator(sim).run(config.workers(), new HashMap<>(), r -> { },
                        units -> { });
                tv[t] = runs.stream().mapToDouble(r -> Rational.of(r.tvNumerator(SWEEP_GENERATION),
                        sim.tvDenominator(SWEEP_GENERATION)).doubleValue()).toArray();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted during the audit's simulations", e);
            }
        }
        return new LearnerSweep("add-β (β = 1), k = 2, p₀ = (1/10, 9/10), r = " + REAL_SWEEP + ", " + reps
                + " replicates", tv, "`loopbound simulate --scenario expanding-synthetic --p0 1/10,9/10 --learner"
                + " add-beta --beta 1 --real " + REAL_SWEEP + " --synthetic S --generations " + SWEEP_GENERATION
                + " --replicates " + reps + " --seed S_t" + config.threadsOption() + "` with S_t = " + seed
                + " + t for the t-th s/r of the grid (t = 0, 1, …)");
    }

    /** The Gaussian KDE on p₀ = N(0, 1): its smoothing bias is inherited through K_h*(p̂_0 − p₀) (K1). */
    private static LearnerSweep kde(ClaimCheck.Context context, Bandwidth bandwidth, String name, long subSeed) {
        context.progress().accept("C3 learner sweep: " + name);
        AuditConfig config = context.config();
        int reps = 2 * config.plan().kdeReplicates();
        long seed = config.seed() + 300 + subSeed;
        double[][] tv = context.runner().run(KdePhaseSweep.of(new KdePhaseSweep.Config(new KdeLoop.Settings(
                GaussianMixture.parse("1:0:1"), bandwidth, new double[0]), BigInteger.valueOf(REAL_SWEEP),
                amounts(), SWEEP_GENERATION, reps, seed)), "C3 learner sweep: " + name);
        return new LearnerSweep(name + ", p₀ = N(0, 1), r = " + REAL_SWEEP + ", " + reps + " replicates", tv,
                "inside the audit only (seed " + seed + ")");
    }

    /** The reference diffusion model trained for a fixed τ = 10^7: its score error is inherited via its samples. */
    private static LearnerSweep diffusion(ClaimCheck.Context context) {
        context.progress().accept("C3 learner sweep: diffusion");
        AuditConfig config = context.config();
        int reps = 2 * config.plan().diffusionReplicates();
        long seed = config.seed() + 340;
        GaussianMixture mix = GaussianMixture.parse(C4EarlyStopping.P0);
        DiffusionLoop.Settings settings = new DiffusionLoop.Settings(mix, C4EarlyStopping.WIDTH, 1,
                new ReverseSampler(ReverseSampler.Method.SDE, 6, 100, Rational.of(1, 1000).doubleValue()),
                HistogramTv.covering(mix, 40), config.plan().evalSamples());
        PhaseSweep.Result res = context.runner().run(PhaseSweep.of(new PhaseSweep.Config(settings,
                BigInteger.valueOf(REAL_SWEEP), amounts(), SWEEP_GENERATION, StoppingRule.fixed(Rational.of(10_000_000)),
                reps, seed)), "C3 learner sweep: diffusion");
        double[][] tv = new double[FINE.size()][];
        for (int t = 0; t < tv.length; t++) {
            tv[t] = res.runs().subList(t * reps, (t + 1) * reps).stream()
                    .mapToDouble(run -> run.get(SWEEP_GENERATION).tv()).toArray();
        }
        return new LearnerSweep("diffusion model (p₀ = " + C4EarlyStopping.P0 + ", m = " + C4EarlyStopping.WIDTH
                + ", τ = 10^7 fixed, " + config.plan().evalSamples() + " samples per TV), r = " + REAL_SWEEP + ", "
                + reps + " replicates", tv, "`loopbound diffusion phase --real " + REAL_SWEEP + " --synthetic "
                + amounts().stream().map(BigInteger::toString).reduce((a, b) -> a + "," + b).orElse("")
                + " --generations " + SWEEP_GENERATION + " --tau 1e7 --eval-samples " + config.plan().evalSamples()
                + " --replicates " + reps + " --seed " + seed + config.threadsOption() + "`");
    }

    private static BigInteger synthetic(int t) {
        Rational s = FINE.get(t).multiply(Rational.of(REAL_SWEEP));
        return s.numerator();
    }

    private static List<BigInteger> amounts() {
        List<BigInteger> out = new ArrayList<>();
        for (int t = 0; t < FINE.size(); t++) {
            out.add(synthetic(t));
        }
        return out;
    }

    /**
     * The learners' verdicts: per learner the rise-then-decline test of its TV at generation 1 over s/r, PASS iff
     * Holm's procedure over all learners rejects "no rise, then decline" at {@link #FAMILY_LEVEL}, INCONCLUSIVE
     * otherwise.
     */
    static void judgeLearners(ClaimSection c3, List<LearnerSweep> sweeps) {
        double[] p = new double[sweeps.size()];
        List<RiseThenDecline.Outcome> outcomes = new ArrayList<>();
        for (int l = 0; l < p.length; l++) {
            RiseThenDecline.Outcome o = RiseThenDecline.test(sweeps.get(l).tv());
            outcomes.add(o);
            p[l] = o.p();
        }
        boolean[] reject = RiseThenDecline.holm(p, FAMILY_LEVEL);
        String criterion = "PASS iff the learner's TV(p̂_1, p₀) rises, then declines in s/r: the even-numbered"
                + " replicates choose the interior s/r of the largest mean TV, and on the odd-numbered replicates"
                + " one-sided Welch tests find the TV there above the TV at both ends (s/r = " + FINE.get(0)
                + " and s/r = " + FINE.get(FINE.size() - 1) + "); the larger of the two p-values is compared by"
                + " Holm's procedure over the " + sweeps.size() + " learners at family-wise level " + FAMILY_LEVEL
                + "; INCONCLUSIVE (not shown) otherwise: a test that does not reject is no evidence that the TV has no"
                + " rise-then-decline, so no learner can contradict the claim here, only fail to show it";
        List<List<String>> rows = new ArrayList<>();
        int shown = 0;
        Chart plot = new Chart("TV(p̂_1, p₀) against the synthetic amount, relative to s = 0",
                "ln(1 + s/r)", "mean TV(p̂_1, p₀) / mean TV at s = 0");
        double[] x = FINE.stream().mapToDouble(t -> Math.log1p(t.doubleValue())).toArray();
        for (int l = 0; l < sweeps.size() && l < reject.length && l < outcomes.size(); l++) {
            LearnerSweep sw = sweeps.get(l);
            RiseThenDecline.Outcome o = outcomes.get(l);
            shown += reject[l] ? 1 : 0;
            c3.check(reject[l] ? Verdict.PASS : Verdict.INCONCLUSIVE, criterion, String.format(Locale.ROOT, "%s: test half's mean TV %.4g at s/r = 0,"
                            + " %.4g at the peak s/r = %s (chosen on the other half), %.4g at s/r = %s; one-sided"
                            + " Welch p-values (peak above start) %.3g and (peak above end) %.3g, max %.3g: %s; %s",
                    sw.learner(), o.start().mean(), o.top().mean(), FINE.get(o.peak()), o.end().mean(),
                    FINE.get(FINE.size() - 1), o.pStart(), o.pEnd(), o.p(),
                    reject[l] ? "rises, then declines (Holm)" : "no significant rise-then-decline", sw.command()));
            rows.add(List.of(sw.learner(), FINE.get(o.peak()).toString(), Double.toString(o.start().mean()),
                    Double.toString(o.top().mean()), Double.toString(o.end().mean()), Double.toString(o.pStart()),
                    Double.toString(o.pEnd()), Double.toString(o.p()), Boolean.toString(reject[l])));
            List<Double> mean = java.util.Arrays.stream(sw.tv()).map(v -> java.util.Arrays.stream(v).average()
                    .orElse(Double.NaN)).toList();
            double base = mean.get(0);
            plot.line(head(sw.learner()), x, mean.stream().mapToDouble(v -> v / base).toArray());
        }
        c3.table(new ClaimSection.Table("Rise-then-decline of the simulated TV(p̂_1, p₀) per learner (test half of"
                + " the replicates; Holm at " + FAMILY_LEVEL + ")", List.of("learner", "peak s/r", "mean TV at s/r = 0",
                "mean TV at peak", "mean TV at s/r = 64", "p (peak > start)", "p (peak > end)", "p = max",
                "Holm rejects"), rows));
        List<String> columns = new ArrayList<>();
        columns.add("s/r");
        sweeps.forEach(sw -> columns.add("mean TV, " + sw.learner()));
        List<List<String>> cells = new ArrayList<>();
        for (int t = 0; t < FINE.size(); t++) {
            List<String> row = new ArrayList<>();
            row.add(FINE.get(t).toString());
            for (LearnerSweep sw : sweeps) {
                row.add(t < sw.tv().length ? Double.toString(java.util.Arrays.stream(sw.tv()[t]).average()
                        .orElse(Double.NaN)) : "");
            }
            cells.add(row);
        }
        c3.table(new ClaimSection.Table("Mean TV(p̂_1, p₀) per s/r (all replicates)", columns, cells));
        c3.figure("phase-transition-learners.svg", "Expanding-synthetic sweep, generation 1: each learner's mean"
                + " TV(p̂_1, p₀) against ln(1 + s/r), divided by its value at s = 0 (P1 [derived] says the bound"
                + " rises, then declines, with s*/r = 3 for α = 1/2).", plot);
        c3.note(shown == 0 ? "No learner's TV shows the rise-then-decline: the bound adds the inherited error and"
                + " the fresh learning error linearly (triangle inequality, R2), but a learner's independent fresh"
                + " sampling error adds to the inherited one roughly in quadrature: with inherited error e and fresh"
                + " error σ/√N, E TV² ≈ (s/N)²e² + σ²/N, which for e = σ/√r equals (t² + t + 1)/(r(1 + t)²) at"
                + " t = s/r, a curve that dips (minimum at t = 1) instead of peaking. Only a systematic error that"
                + " shrinks like N^(−α) with α < 1 and keeps its sign across generations adds linearly; where such a"
                + " bias is small against the sampling noise it does not show."
                : shown + " of " + sweeps.size() + " learners show a significant rise, then decline of the TV"
                + " itself; the others do not (see the table). Independent fresh sampling errors add to the"
                + " inherited error roughly in quadrature (E TV² ≈ (s/N)²e² + σ²/N, a dip rather than a peak), so"
                + " the rise appears only where an inherited systematic error dominates the sampling noise.");
    }

    /** The text before the first comma (a learner's or scenario's short name). */
    static String head(String s) {
        int c = s.indexOf(',');
        return c < 0 ? s : s.substring(0, c);
    }
}
