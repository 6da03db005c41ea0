package org.loopbound.sim;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.bound.LearningError;
import org.loopbound.bound.R3UnrolledBound;
import org.loopbound.bound.Scenario;
import org.loopbound.bound.Schedule;
import org.loopbound.param.ParameterException;

/**
 * A fully specified simulation: scenario and schedule (the same {@link Scenario}/{@link Schedule} as
 * {@code loopbound bound}), p₀, learner, mixing, replicates, seed and the test parameters; plus what follows from
 * them and is the same for every replicate: each generation's draw plan, the R3 bound B_i with the empirical ε of
 * theory.md §6 and the integer threshold above which a replicate's TV numerator violates hi(B_i).
 */
public final class SimulationConfig {

    /** Largest N_j accepted (counts are longs and a generation costs O(k) whatever N_j, so this is generous). */
    public static final long MAX_SIZE = 1_000_000_000_000L;
    /** Largest number of replicates. */
    public static final int MAX_REPLICATES = 10_000_000;
    /** accumulate stores every earlier model: k·(generations+1) longs per worker thread, capped here. */
    public static final long MAX_ACCUMULATED_WEIGHTS = 25_000_000L;

    private final Scenario scenario;
    private final Schedule schedule;
    private final AtomDistribution p0;
    private final Learner learner;
    private final Mixing mixing;
    private final int replicates;
    private final long seed;
    private final Rational delta;
    private final Rational epsScale;
    private final Rational alphaTest;
    private final Precision precision;
    private final List<GenerationPlan> plans;
    private final @Nullable List<Certified> bounds;
    private final List<BigInteger> thresholds;

    /** One generation's draws: N_j, the model total, the real draws and the draws from each earlier model. */
    static final class GenerationPlan {
        final long size;
        final long total;
        final long real;
        final int[] sources;
        final long[] sourceCounts;
        /** iid only: conditional probabilities of the components (real, then each source), each rounded once. */
        final double[] componentConditional;
        final BigInteger tvDenominator;

        GenerationPlan(long size, long total, long real, int[] sources, long[] sourceCounts,
                       double[] componentConditional, BigInteger tvDenominator) {
            this.size = size;
            this.total = total;
            this.real = real;
            this.sources = sources;
            this.sourceCounts = sourceCounts;
            this.componentConditional = componentConditional;
            this.tvDenominator = tvDenominator;
        }
    }

    /*@ public normal_behavior
      @ requires replicates >= 1 && 0 < delta && delta < 1 && epsScale > 0 && 0 < alphaTest && alphaTest < 1;
      @ requires (* stratified: every λ_j·N_j and μ_{j,l}·N_j is a whole number; every N_j ≤ 10^12 *);
      @ ensures \result.generations() == schedule.generations();
      @ also public exceptional_behavior
      @ requires (* a parameter is outside its domain *);
      @ signals_only IllegalArgumentException;
      @*/
    /**
     * Validates the parameters and derives the per-generation plans and bounds. Errors are
     * {@link ParameterException}s naming the parameter at fault by its symbol, e.g. "N must make every draw count of
     * stratified mixing whole, got λ_1·N_1 = 15/2 …".
     */
    public SimulationConfig(Scenario scenario, Schedule schedule, AtomDistribution p0, Learner learner, Mixing mixing,
                            int replicates, long seed, Rational delta, Rational epsScale, Rational alphaTest,
                            Precision precision) {
        if (replicates < 1 || replicates > MAX_REPLICATES) {
            throw ParameterException.outside("R", "in [1, " + MAX_REPLICATES + "]", replicates);
        }
        if (delta.signum() <= 0 || delta.compareTo(Rational.ONE) >= 0) {
            throw ParameterException.outside("δ", "in (0, 1)", delta);
        }
        if (epsScale.signum() <= 0) {
            throw ParameterException.outside("c", "> 0", epsScale);
        }
        if (alphaTest.signum() <= 0 || alphaTest.compareTo(Rational.ONE) >= 0) {
            throw ParameterException.outside("α_test", "in (0, 1)", alphaTest);
        }
        checkAccumulated(scenario, schedule, p0);
        this.scenario = scenario;
        this.schedule = schedule;
        this.p0 = p0;
        this.learner = learner;
        this.mixing = mixing;
        this.replicates = replicates;
        this.seed = seed;
        this.delta = delta;
        this.epsScale = epsScale;
        this.alphaTest = alphaTest;
        this.precision = precision;
        this.plans = plans(schedule, p0, learner, mixing);
        this.bounds = learner.hasProvenError() ? computeBounds(schedule, p0, delta, epsScale, precision) : null;
        List<BigInteger> t = new ArrayList<>();
        List<Certified> b = this.bounds;
        for (int i = 0; b != null && i < b.size(); i++) {
            // TV_i = L/den > hi(B_i)  ⇔  L > floor(hi(B_i)·den), L being an integer.
            Rational hi = b.get(i).enclosure().hi().toRational();
            Rational scaled = hi.multiply(Rational.of(plans.get(i).tvDenominator, BigInteger.ONE));
            t.add(floor(scaled));
        }
        this.thresholds = List.copyOf(t);
    }

    /**
     * The checks of the constructor that concern the combination of scenario, schedule, p₀, learner and mixing
     * (the draw plans), without computing the bounds, which cost far more: a sweep validates every cell of a grid
     * with this before running any. The constructor's remaining checks concern single parameters.
     *
     * @throws ParameterException with the constructor's message when the constructor would reject them
     */
    public static void checkDraws(Scenario scenario, Schedule schedule, AtomDistribution p0, Learner learner,
                                  Mixing mixing) {
        checkAccumulated(scenario, schedule, p0);
        plans(schedule, p0, learner, mixing);
    }

    private static void checkAccumulated(Scenario scenario, Schedule schedule, AtomDistribution p0) {
        if (!schedule.isPreviousGenerationOnly()
                && (long) p0.atoms() * (schedule.generations() + 1L) > MAX_ACCUMULATED_WEIGHTS) {
            throw ParameterException.violates("i", "must keep k·(i+1) at most " + MAX_ACCUMULATED_WEIGHTS + " ("
                    + scenario.cliName() + " keeps every model), got " + p0.atoms() + "·"
                    + (schedule.generations() + 1));
        }
    }

    private static BigInteger floor(Rational q) {
        // mod is the non-negative remainder (the denominator is positive), so this is floor for either sign.
        return q.numerator().subtract(q.numerator().mod(q.denominator())).divide(q.denominator());
    }

    private static List<GenerationPlan> plans(Schedule schedule, AtomDistribution p0, Learner learner,
                                              Mixing mixing) {
        List<GenerationPlan> out = new ArrayList<>();
        for (int i = 0; i <= schedule.generations(); i++) {
            BigInteger nBig = schedule.size(i);
            if (nBig.compareTo(BigInteger.valueOf(MAX_SIZE)) > 0) {
                throw ParameterException.outside("N", "at most 10^12 in every generation", "N_" + i + " = " + nBig);
            }
            long n = nBig.longValueExact();
            Rational nq = Rational.of(n);
            Rational lambda = schedule.lambda(i);
            List<Rational> mu = schedule.weights(i);
            List<Integer> src = new ArrayList<>();
            List<Long> counts = new ArrayList<>();
            List<Rational> componentWeights = new ArrayList<>();
            componentWeights.add(lambda);
            long real = wholeDraws(mixing, lambda.multiply(nq), "λ_" + i + "·N_" + i);
            // A previous-generation row is zeros but for its last entry: skipping them keeps g generations O(g).
            for (int l = schedule.isPreviousGenerationOnly() ? Math.max(0, mu.size() - 1) : 0; l < mu.size(); l++) {
                Rational m = mu.get(l);
                if (m.signum() > 0) {
                    src.add(l);
                    counts.add(wholeDraws(mixing, m.multiply(nq), "μ_" + i + "," + l + "·N_" + i));
                    componentWeights.add(m);
                }
            }
            int[] sources = new int[src.size()];
            long[] sourceCounts = new long[counts.size()];
            for (int s = 0; s < sources.length; s++) {
                sources[s] = src.get(s);
            }
            for (int s = 0; s < sourceCounts.length; s++) {
                sourceCounts[s] = counts.get(s);
            }
            double[] conditional = new double[componentWeights.size()];
            Rational tail = Rational.ONE;
            for (int c = 0; c < conditional.length; c++) {
                Rational w = componentWeights.get(c);
                conditional[c] = tail.signum() == 0 || w.equals(tail) ? 1 : w.divide(tail).doubleValue();
                tail = tail.subtract(w);
            }
            long total = learner.total(n, p0.atoms());
            out.add(new GenerationPlan(n, total, real, sources, sourceCounts, conditional,
                    ExactTv.denominator(total, p0)));
        }
        return List.copyOf(out);
    }

    /** Stratified draws must be whole numbers; iid mixing draws component sizes at random instead. */
    private static long wholeDraws(Mixing mixing, Rational draws, String product) {
        if (mixing == Mixing.IID) {
            return 0;
        }
        if (!draws.isInteger()) {
            throw ParameterException.violates("N", "must make every draw count of stratified mixing whole, got "
                    + product + " = " + draws + " (choose sizes that make it whole, or iid mixing)");
        }
        return draws.numerator().longValueExact();
    }

    private static List<Certified> computeBounds(Schedule schedule, AtomDistribution p0, Rational delta,
                                                 Rational epsScale, Precision precision) {
        List<Certified> eps = new ArrayList<>();
        Certified scale = Certified.exact(epsScale);
        for (Certified e : LearningError.empirical(p0.atoms(), delta).epsilons(schedule, precision)) {
            eps.add(epsScale.equals(Rational.ONE) ? e : e.multiply(scale, precision));
        }
        return R3UnrolledBound.recursion(schedule, eps, precision);
    }

    /** The scenario. */
    public Scenario scenario() {
        return scenario;
    }

    /** The schedule of sizes N_j, real proportions λ_j and synthetic weights μ_{j,l}. */
    public Schedule schedule() {
        return schedule;
    }

    /** The last generation index g (generations 0..g). */
    public int generations() {
        return schedule.generations();
    }

    /** p₀. */
    public AtomDistribution p0() {
        return p0;
    }

    /** The learner. */
    public Learner learner() {
        return learner;
    }

    /** The mixing. */
    public Mixing mixing() {
        return mixing;
    }

    /** The number of replicates R. */
    public int replicates() {
        return replicates;
    }

    /** The seed from which every replicate's stream is derived. */
    public long seed() {
        return seed;
    }

    /** The per-generation failure probability δ of ε. */
    public Rational delta() {
        return delta;
    }

    /** The factor applied to ε (1 normally; other values only to check that a wrong bound is caught). */
    public Rational epsScale() {
        return epsScale;
    }

    /** The level of the one-sided binomial test behind the verdicts. */
    public Rational alphaTest() {
        return alphaTest;
    }

    /** The precision of the certified bounds. */
    public Precision precision() {
        return precision;
    }

    /** B_0..B_g (R3 with ε(N_j, δ, k)·epsScale), or {@code null} for a learner without a proven ε. */
    public @Nullable List<Certified> bounds() {
        return bounds;
    }

    /*@ public normal_behavior
      @ requires 0 <= i && i <= generations();
      @ ensures \result == (* N_i *);
      @*/
    /** N_i. */
    public long size(int i) {
        return plans.get(i).size;
    }

    /*@ public normal_behavior
      @ requires 0 <= i && i <= generations();
      @ ensures (* TV(p̂_i, p₀) of a replicate == its numerator / \result *);
      @*/
    /** The common denominator 2·T_i·D of the exact TVs of generation i. */
    public BigInteger tvDenominator(int i) {
        return plans.get(i).tvDenominator;
    }

    /*@ public normal_behavior
      @ requires bounds() != null && 0 <= i && i <= generations();
      @ ensures (* for every integer L: L > \result  ⇔  L / tvDenominator(i) > hi(B_i) *);
      @*/
    /** floor(hi(B_i)·2T_iD): a replicate violates B_i exactly when its TV numerator exceeds this. */
    public BigInteger violationThreshold(int i) {
        return thresholds.get(i);
    }

    List<GenerationPlan> plansInternal() {
        return plans;
    }
}
