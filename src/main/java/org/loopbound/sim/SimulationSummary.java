package org.loopbound.sim;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.checkerframework.common.value.qual.ArrayLen;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Rational;
import org.loopbound.bound.R3UnrolledBound;
import org.loopbound.bound.TotalVariation;

/**
 * The per-generation summaries of a finished run and, at the last generation, how many replicates fixed on each
 * atom (p̂_g a point mass there; in the fully-synthetic scenario fixation is absorbing).
 */
public final class SimulationSummary {

    /** Confidence level of every interval reported (Student-t for means, Clopper–Pearson for rates). */
    public static final double LEVEL = 0.95;

    private final List<GenerationSummary> generations;
    private final Map<Integer, Integer> fixation;

    private SimulationSummary(List<GenerationSummary> generations, Map<Integer, Integer> fixation) {
        this.generations = generations;
        this.fixation = fixation;
    }

    /*@ public normal_behavior
      @ requires results.size() == config.replicates() && (* results.get(j).replicate() == j *);
      @ ensures \result.generations().size() == config.generations() + 1;
      @ ensures (* every statistic is a function of the results in replicate order only *);
      @*/
    /**
     * Summarises the replicates' results, which must be given in replicate order (sums are taken in that order,
     * which fixes every double to the bit).
     *
     * <p>Verdicts: with (i+1)δ ≥ 1 or B_i ≥ 1 (TV never exceeds 1), VACUOUS; without a proven ε, NO-BOUND; otherwise FAIL when
     * P(Bin(R, (i+1)δ) ≥ violations) &lt; alphaTest (the violation rate is significantly above what B_i allows),
     * PASS otherwise. A violation is TV &gt; hi(B_i), the upper end of the certified enclosure: conservative, since
     * a TV between B_i and hi(B_i) is not counted.
     */
    public static SimulationSummary of(SimulationConfig config, List<ReplicateResult> results) {
        int r = config.replicates();
        if (results.size() != r) {
            throw new IllegalArgumentException("need " + r + " replicate results, got " + results.size());
        }
        for (int j = 0; j < r; j++) {
            if (results.get(j).replicate() != j) {
                throw new IllegalArgumentException("replicate results must be in replicate order");
            }
        }
        List<Certified> bounds = config.bounds();
        double alpha = config.alphaTest().doubleValue();
        List<GenerationSummary> out = new ArrayList<>();
        for (int i = 0; i <= config.generations(); i++) {
            BigInteger den = config.tvDenominator(i);
            // The doubles only feed the t-interval: L/den from two correctly rounded doubles (≤ 1.5 ulp) rather
            // than a normalised rational (a gcd) per replicate.
            double denD = den.doubleValue();
            List<BigInteger> tv = new ArrayList<>();
            BigInteger sum = BigInteger.ZERO;
            double[] tvD = new double[r];
            double giniSum = 0;
            double entropySum = 0;
            long lostSum = 0;
            int fixed = 0;
            int violations = 0;
            for (int j = 0; j < r && j < tvD.length; j++) {
                ReplicateResult x = results.get(j);
                BigInteger l = x.tvNumerator(i);
                tv.add(l);
                sum = sum.add(l);
                tvD[j] = l.doubleValue() / denD;
                giniSum += x.giniSimpson(i);
                entropySum += x.entropy(i);
                lostSum += x.atomsLost(i);
                fixed += x.fixedAtom(i) >= 0 ? 1 : 0;
                if (bounds != null && l.compareTo(config.violationThreshold(i)) > 0) {
                    violations++;
                }
            }
            Collections.sort(tv);
            Rational meanTv = Rational.of(sum, den.multiply(BigInteger.valueOf(r)));
            double[] tvCi = interval(tvD, meanTv.doubleValue());
            double[] gini = new double[r];
            for (int j = 0; j < r && j < gini.length; j++) {
                gini[j] = results.get(j).giniSimpson(i);
            }
            double giniMean = giniSum / r;
            double[] giniCi = interval(gini, giniMean);
            Certified bound = bounds == null ? null : bounds.get(i);
            Rational fail = R3UnrolledBound.failureProbability(i, config.delta());
            double[] cp = Statistics.clopperPearson(violations, r, LEVEL);
            Verdict verdict;
            double p = Double.NaN;
            if (bound == null) {
                verdict = Verdict.NO_BOUND;
            } else if (fail.compareTo(Rational.ONE) >= 0 || TotalVariation.isVacuous(bound)) {
                verdict = Verdict.VACUOUS;
            } else {
                p = Statistics.upperTail(violations, r, fail.doubleValue());
                verdict = p < alpha ? Verdict.FAIL : Verdict.PASS;
            }
            out.add(new GenerationSummary(i, config.size(i), config.schedule().lambda(i), meanTv, tvCi[0], tvCi[1],
                    rank(tv, Rational.ZERO, den), rank(tv, Rational.of(1, 2), den), rank(tv, Rational.of(9, 10), den),
                    rank(tv, Rational.ONE, den), giniMean, giniCi[0], giniCi[1], entropySum / r,
                    Rational.of(BigInteger.valueOf(lostSum), BigInteger.valueOf(r)), fixed, bound, fail, violations,
                    Rational.of(violations, r), cp[0], cp[1], p, verdict));
        }
        TreeMap<Integer, Integer> fixation = new TreeMap<>();
        int g = config.generations();
        for (ReplicateResult x : results) {
            int atom = x.fixedAtom(g);
            if (atom >= 0) {
                fixation.merge(atom, 1, Integer::sum);
            }
        }
        return new SimulationSummary(List.copyOf(out), Collections.unmodifiableMap(fixation));
    }

    /** The 95% Student-t interval from the sample standard deviation (two passes, replicate order). */
    private static double @ArrayLen(2) [] interval(double[] x, double mean) {
        if (x.length < 2) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return Statistics.tInterval(mean, Math.sqrt(ss / (x.length - 1)), x.length, LEVEL);
    }

    /** The nearest-rank q-quantile of the sorted numerators: the ⌈qR⌉-th smallest (the smallest for q = 0). */
    private static Rational rank(List<BigInteger> sorted, Rational q, BigInteger den) {
        int n = sorted.size();
        Rational pos = q.multiply(Rational.of(n));
        BigInteger ceil = pos.numerator().add(pos.denominator()).subtract(BigInteger.ONE).divide(pos.denominator());
        int index = Math.max(1, Math.min(n, ceil.intValue())) - 1;
        return Rational.of(sorted.get(index), den);
    }

    /** One summary per generation 0..g. */
    public List<GenerationSummary> generations() {
        return generations;
    }

    /** At the last generation: atom → number of replicates whose model is a point mass on it (ascending atoms). */
    public Map<Integer, Integer> fixation() {
        return fixation;
    }

    /** The summary of generation i, or null when out of range. */
    public @Nullable GenerationSummary generation(int i) {
        return i >= 0 && i < generations.size() ? generations.get(i) : null;
    }
}
