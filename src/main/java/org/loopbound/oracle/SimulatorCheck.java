package org.loopbound.oracle;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.apache.commons.statistics.inference.DataDispersion;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.apache.commons.statistics.inference.PValueMethod;
import org.apache.commons.statistics.inference.TTest;
import org.checkerframework.checker.index.qual.NonNegative;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Rational;
import org.loopbound.exact.Arithmetic;
import org.loopbound.exact.ExactLoop;
import org.loopbound.exact.GenerationLaw;
import org.loopbound.exact.TvAtom;
import org.loopbound.param.ParameterException;
import org.loopbound.sim.AtomDistribution;
import org.loopbound.sim.ReplicateResult;
import org.loopbound.sim.SimulationConfig;
import org.loopbound.sim.Simulator;
import org.loopbound.stats.MeanInterval;

/**
 * Tests another simulator's results ({@link Observations}) against the loop a {@link SimulationConfig} declares,
 * generation by generation:
 * <ul>
 *   <li>E TV and the law of TV: against the exact law of the Markov chain ({@link ExactLoop}) when it accepts the
 *       configuration (z-test with the exact mean and standard deviation; chi-square goodness of fit on the exact
 *       atoms, pooled into bins of expected count ≥ 5, each observed TV counted at its nearest atom), otherwise
 *       against loopbound's own simulation of the configuration (its replicates and seed; Welch t-test and two-sample
 *       Kolmogorov–Smirnov test, whose p-value is conservative for the ties of a discrete TV);</li>
 *   <li>for the empirical learner, the exact moment identities of {@link CountMoments}: E p̂_i = p₀ (chi-square on
 *       the mean model with its exact covariance), E D_i = a_i (k′ − 1) and E[1 − Σ p̂²] = (1 − a_i)(1 − Σ p₀²)
 *       (one-sample t-tests), when counts and Gini–Simpson values are given.</li>
 * </ul>
 * All tests are two-sided and asymptotic (central limit theorem over replicates); commons-statistics computes them.
 * Holm's procedure over every test of the run keeps the family-wise error at most α.
 */
public final class SimulatorCheck {

    /** Least expected count of a chi-square bin. */
    static final double MIN_EXPECTED = 5;
    /** Largest n·m for which the Kolmogorov–Smirnov p-value is computed exactly (as commons-statistics chooses). */
    static final long EXACT_KS_PAIRS = 10_000;

    /** Where the TV statistics' reference comes from. */
    public enum GroundTruth {
        /** The exact chain when it accepts the configuration, else the simulation. */
        AUTO,
        /** The exact chain; refused when it does not accept the configuration. */
        EXACT,
        /** loopbound's own simulation of the configuration. */
        SIMULATION
    }

    private SimulatorCheck() {
    }

    /**
     * The outcome of a check.
     *
     * @param groundTruth how the TV statistics were tested: "exact Markov chain (certified)" or "own simulation …"
     * @param identities the moment identities used, or why none were
     * @param alpha the family-wise level α
     * @param power the power behind the detectable shifts
     * @param replicates the number R of replicates given
     * @param tests every test, by generation then statistic
     */
    public record Report(String groundTruth, String identities, double alpha, double power, int replicates,
                         List<GenerationTest> tests) {
        /** A copy-on-construction record. */
        public Report {
            tests = List.copyOf(tests);
        }

        /**
         * Per generation 0..g: whether all its tests passed, its test with the smallest Holm p-value, and the
         * detectable shift of its E TV test.
         *
         * @return one summary per generation that has tests, ascending
         */
        public List<GenerationVerdict> byGeneration() {
            List<GenerationVerdict> out = new ArrayList<>();
            for (GenerationTest t : tests) {
                GenerationVerdict last = out.isEmpty() ? null : out.get(out.size() - 1);
                if (last == null || last.generation() != t.generation()) {
                    out.add(new GenerationVerdict(t.generation(), t.pass(), t, t.detectableShift()));
                    continue;
                }
                out.set(out.size() - 1, new GenerationVerdict(t.generation(), last.pass() && t.pass(),
                        t.holmPValue() < last.weakest().holmPValue() ? t : last.weakest(),
                        Double.isNaN(t.detectableShift()) ? last.detectableShift() : t.detectableShift()));
            }
            return out;
        }

        /** @return whether every test passed */
        public boolean passed() {
            for (GenerationTest t : tests) {
                if (!t.pass()) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The raw result of one test, before Holm. */
    private record Raw(int generation, Statistic statistic, String method, double observed, double expected,
                       double pValue, double se) {
    }

    /*@ public normal_behavior
      @ requires observations.generations() == config.generations() && 0 < alpha && alpha < 1 && 0 < power
      @          && power < 1 && threads >= 1;
      @ ensures (* \result is the same for every threads value *);
      @*/
    /**
     * Runs every applicable test and Holm's procedure.
     *
     * @param config the declared loop; its replicates and seed are those of the reference simulation (used only
     *     when the exact chain is not)
     * @param observations the results to test, generations 0..g of {@code config}
     * @param groundTruth where the reference of the TV statistics comes from
     * @param alpha the family-wise level α in (0, 1)
     * @param power the power in (0, 1) at which the detectable shift of E TV is stated
     * @param threads worker threads of the reference simulation (never changes the result)
     * @return the report
     * @throws ParameterException (symbol {@code i}) when the generations disagree, and (symbol {@code ground truth})
     *     when the exact chain was required but refuses the configuration
     * @throws InterruptedException when the reference simulation is interrupted
     */
    public static Report run(SimulationConfig config, Observations observations, GroundTruth groundTruth,
                             double alpha, double power, int threads) throws InterruptedException {
        int g = config.generations();
        if (observations.generations() != g) {
            throw ParameterException.violates("i", "must be the last generation of the results, "
                    + observations.generations() + ", got " + g);
        }
        List<Raw> raw = new ArrayList<>();
        String truth;
        @Nullable List<GenerationLaw> laws = groundTruth == GroundTruth.SIMULATION ? null : exactLaws(config,
                groundTruth == GroundTruth.EXACT);
        if (laws != null) {
            truth = "exact Markov chain over count vectors (certified enclosures)";
            for (GenerationLaw law : laws) {
                exactTests(law, observations, raw);
            }
        } else {
            truth = "loopbound's own simulation: " + config.replicates() + " replicates, seed " + config.seed();
            List<ReplicateResult> ref = new Simulator(config).run(threads, new HashMap<>(), r -> { }, u -> { });
            for (int i = 0; i <= g; i++) {
                simulationTests(i, referenceTv(config, ref, i), snap(observations.tv(i), config.tvDenominator(i)),
                        raw);
            }
        }
        String identities = identityTests(config, observations, raw);
        double[] p = new double[raw.size()];
        for (int j = 0; j < p.length; j++) {
            p[j] = raw.get(j).pValue();
        }
        double[] holm = Holm.adjust(p);
        double z = NormalDistribution.of(0, 1).inverseSurvivalProbability(alpha / (2.0 * Math.max(1, p.length)))
                + NormalDistribution.of(0, 1).inverseCumulativeProbability(power);
        List<GenerationTest> tests = new ArrayList<>();
        for (int j = 0; j < p.length && j < holm.length; j++) {
            Raw r = raw.get(j);
            tests.add(new GenerationTest(r.generation(), r.statistic(), r.method(), r.observed(), r.expected(),
                    r.pValue(), holm[j], holm[j] > alpha, r.statistic() == Statistic.EXPECTED_TV ? z * r.se()
                    : Double.NaN));
        }
        tests.sort((a, b) -> a.generation() != b.generation() ? Integer.compare(a.generation(), b.generation())
                : a.statistic().compareTo(b.statistic()));
        return new Report(truth, identities, alpha, power, observations.replicates(), tests);
    }

    private static @Nullable List<GenerationLaw> exactLaws(SimulationConfig c, boolean required) {
        try {
            ExactLoop loop = ExactLoop.of(c.scenario(), c.schedule(), c.p0(), c.learner(), c.mixing());
            return loop.run(Arithmetic.CERTIFIED, null);
        } catch (IllegalArgumentException e) {
            if (required) {
                throw ParameterException.violates("ground truth", "exact is not available: " + e.getMessage());
            }
            return null;
        }
    }

    private static void exactTests(GenerationLaw law, Observations obs, List<Raw> raw) {
        int i = law.generation();
        double[] x = obs.tv(i);
        int r = x.length;
        List<TvAtom> atoms = law.tvDistribution();
        double[] value = new double[atoms.size()];
        double[] prob = new double[atoms.size()];
        double mean = 0;
        double second = 0;
        for (int a = 0; a < value.length && a < prob.length; a++) {
            value[a] = atoms.get(a).tv().doubleValue();
            prob[a] = Math.max(0, atoms.get(a).probability().approx());
            mean += value[a] * prob[a];
            second += value[a] * value[a] * prob[a];
        }
        double sd = Math.sqrt(Math.max(0, second - mean * mean));
        double se = sd / Math.sqrt(r);
        double m = mean(x);
        raw.add(new Raw(i, Statistic.EXPECTED_TV, "z-test against the exact mean and SD", m, mean,
                zTest(m - mean, se), se));
        chiSquareLaw(i, x, value, prob, raw);
    }

    /** Pools consecutive atoms into bins of expected count ≥ {@link #MIN_EXPECTED} and tests the counts. */
    private static void chiSquareLaw(int i, double[] x, double[] value, double[] prob, List<Raw> raw) {
        int r = x.length;
        List<Double> expected = new ArrayList<>();
        List<Double> upper = new ArrayList<>();
        double acc = 0;
        for (int a = 0; a < value.length && a < prob.length; a++) {
            acc += prob[a] * r;
            if (acc >= MIN_EXPECTED) {
                expected.add(acc);
                // The bin ends halfway to the next atom: an observed TV belongs to its nearest atom.
                upper.add(a + 1 < value.length ? (value[a] + value[a + 1]) / 2 : Double.POSITIVE_INFINITY);
                acc = 0;
            }
        }
        if (!expected.isEmpty()) {
            int last = expected.size() - 1;
            expected.set(last, expected.get(last) + acc);
            upper.set(last, Double.POSITIVE_INFINITY);
        }
        if (expected.size() < 2) {
            return;
        }
        double[] e = new double[expected.size()];
        long[] o = new long[e.length];
        double[] cut = new double[e.length];
        for (int b = 0; b < e.length && b < cut.length; b++) {
            e[b] = expected.get(b);
            cut[b] = upper.get(b);
        }
        for (double v : x) {
            int b = 0;
            while (b < cut.length - 1 && v >= cut[b]) {
                b++;
            }
            if (b < o.length) {
                o[b]++;
            }
        }
        var result = ChiSquareTest.withDefaults().test(e, o);
        raw.add(new Raw(i, Statistic.TV_LAW, "chi-square goodness of fit to the exact law (" + e.length + " bins)",
                result.getStatistic(), Double.NaN, result.getPValue(), Double.NaN));
    }

    private static double[] referenceTv(SimulationConfig c, List<ReplicateResult> ref, int i) {
        double[] y = new double[ref.size()];
        Rational den = Rational.of(c.tvDenominator(i), BigInteger.ONE);
        for (int j = 0; j < y.length; j++) {
            y[j] = Rational.of(ref.get(j).tvNumerator(i), BigInteger.ONE).divide(den).doubleValue();
        }
        return snap(y, c.tvDenominator(i));
    }

    /**
     * Every TV of generation i is a multiple of 1/(2 T_i D) ({@link SimulationConfig#tvDenominator}); the values are
     * rounded to that grid (when it is finer than double precision can tell apart, left alone) so that the rounding
     * noise of another implementation's floating point does not split ties, which the Kolmogorov–Smirnov statistic
     * would count as a difference of laws.
     */
    private static double[] snap(double[] x, BigInteger denominator) {
        if (denominator.bitLength() > 50) {
            return x;
        }
        double d = denominator.doubleValue();
        double[] out = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            out[j] = Math.rint(x[j] * d) / d;
        }
        return out;
    }

    private static void simulationTests(int i, double[] y, double[] x, List<Raw> raw) {
        double mx = mean(x);
        double my = mean(y);
        double se = Math.sqrt(variance(x) / x.length + variance(y) / y.length);
        double p = se == 0 ? (mx == my ? 1 : 0) : TTest.withDefaults().with(DataDispersion.HETEROSCEDASTIC)
                .test(x, y).getPValue();
        raw.add(new Raw(i, Statistic.EXPECTED_TV, "Welch t-test against the simulation", mx, my, p, se));
        // The exact p-value costs O(n·m) and more; beyond small samples the asymptotic Kolmogorov law is as good.
        PValueMethod method = (long) x.length * y.length > EXACT_KS_PAIRS ? PValueMethod.ASYMPTOTIC
                : PValueMethod.AUTO;
        var ks = KolmogorovSmirnovTest.withDefaults().with(method).test(x, y);
        raw.add(new Raw(i, Statistic.TV_LAW, "two-sample Kolmogorov-Smirnov against the simulation",
                ks.getStatistic(), Double.NaN, ks.getPValue(), Double.NaN));
    }

    /** Adds the identity tests that apply and returns what they were (or why there were none). */
    private static String identityTests(SimulationConfig c, Observations obs, List<Raw> raw) {
        if (!c.learner().hasProvenError()) {
            return "none: the moment identities are those of the empirical learner";
        }
        if (!obs.hasGiniSimpson() && obs.atoms() == 0) {
            return "none: give gini_simpson or count_0..count_{k-1} to test E[1 - sum p^2], E p-hat and the"
                    + " dispersion";
        }
        if (!c.schedule().isPreviousGenerationOnly() && c.generations() > CountMoments.MAX_GENERAL_GENERATIONS) {
            return "none: at most " + CountMoments.MAX_GENERAL_GENERATIONS + " generations for a scenario that"
                    + " draws from several earlier models";
        }
        CountMoments moments = CountMoments.of(c.schedule(), c.mixing());
        AtomDistribution p0 = c.p0();
        int k = p0.atoms();
        if (k < 1) {
            throw new IllegalStateException("p0 has no atoms");
        }
        double[] p = new double[k];
        double squares = 0;
        int charged = 0;
        for (int j = 0; j < k; j++) {
            p[j] = p0.weight(j).doubleValue();
            squares += p[j] * p[j];
            charged += p[j] > 0 ? 1 : 0;
        }
        for (int i = 0; i <= c.generations(); i++) {
            double a = moments.a(i);
            if (obs.hasGiniSimpson()) {
                double[] gs = obs.giniSimpson(i);
                double expected = (1 - a) * (1 - squares);
                raw.add(new Raw(i, Statistic.GINI_SIMPSON, "t-test against the exact mean (1-a_i)(1-sum p0^2)",
                        mean(gs), expected, tTest(gs, expected), Double.NaN));
            }
            if (obs.atoms() == k && charged >= 2) {
                countTests(i, obs, p, charged, a, c.size(i), raw);
            }
        }
        return "exact moments of the empirical learner: E p-hat_i = p0, Cov p-hat_i = a_i (diag p0 - p0 p0^T)";
    }

    private static void countTests(int i, Observations obs, double[] p, int charged, double a, long n,
                                   List<Raw> raw) {
        @NonNegative int r = obs.replicates();
        double[] meanModel = new double[p.length];
        double[] dispersion = new double[r];
        boolean impossible = false;
        for (int rep = 0; rep < r; rep++) {
            long[] counts = obs.counts(i, rep);
            double d = 0;
            for (int j = 0; j < p.length && j < counts.length; j++) {
                double q = (double) counts[j] / n;
                meanModel[j] += q / r;
                if (p[j] > 0) {
                    d += (q - p[j]) * (q - p[j]) / p[j];
                } else if (counts[j] > 0) {
                    impossible = true;
                }
            }
            dispersion[rep] = d;
        }
        double chi = 0;
        for (int j = 0; j < p.length; j++) {
            if (p[j] > 0) {
                chi += (meanModel[j] - p[j]) * (meanModel[j] - p[j]) / p[j];
            }
        }
        chi *= r / a;
        double pValue = impossible ? 0 : ChiSquaredDistribution.of(charged - 1.0).survivalProbability(chi);
        raw.add(new Raw(i, Statistic.MEAN_MODEL, impossible ? "an atom with p0 = 0 was drawn"
                : "chi-square with the exact covariance (" + (charged - 1) + " df)", chi, charged - 1.0, pValue,
                Double.NaN));
        double expected = a * (charged - 1);
        raw.add(new Raw(i, Statistic.DISPERSION, "t-test against the exact mean a_i (k'-1)", mean(dispersion),
                expected, tTest(dispersion, expected), Double.NaN));
    }

    private static double zTest(double difference, double se) {
        if (se == 0) {
            return difference == 0 ? 1 : 0;
        }
        return Math.min(1, 2 * NormalDistribution.of(0, 1).survivalProbability(Math.abs(difference) / se));
    }

    private static double tTest(double[] x, double mu) {
        if (variance(x) == 0) {
            return Math.abs(mean(x) - mu) <= 1e-12 ? 1 : 0;
        }
        return TTest.withDefaults().withMu(mu).test(x).getPValue();
    }

    private static double mean(double[] x) {
        return MeanInterval.of(x, 0.95).mean();
    }

    private static double variance(double[] x) {
        double sd = MeanInterval.of(x, 0.95).sd();
        return sd * sd;
    }
}
