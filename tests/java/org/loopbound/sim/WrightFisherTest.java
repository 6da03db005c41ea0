package org.loopbound.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * The Wright–Fisher facts of theory.md §7 in the fully-synthetic scenario (generation 0 is itself a fit on n real
 * draws, so generation i is the (i+1)-th multinomial resampling of size n). Tolerances are confidence intervals with
 * a family-wise level of 10^−3 (Bonferroni over the checks of each test), computed from the replicates' own
 * standard deviation; the seeds are fixed.
 */
class WrightFisherTest {

    private static final String P0 = "1/2,1/4,1/4";
    private static final double[] P = {0.5, 0.25, 0.25};
    /** 1 − Σ p₀² = 1 − (1/4 + 1/16 + 1/16). */
    private static final double GS0 = 5.0 / 8;

    private static double z(double familyLevel, int checks) {
        return NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - familyLevel / (2 * checks));
    }

    @Test
    void giniSimpsonDecaysAsOneMinusOneOverNToTheIPlusOne() throws InterruptedException {
        int n = 20;
        int g = 9;
        int r = 4000;
        SimulationConfig c = SimFixtures.wrightFisher(P0, n, g, r, 7L);
        List<ReplicateResult> results = new Simulator(c).run(2, Map.of(), x -> { }, u -> { });
        double z = z(1e-3, g + 1);
        for (int i = 0; i <= g; i++) {
            double expected = Math.pow(1 - 1.0 / n, i + 1) * GS0;
            double sum = 0;
            for (ReplicateResult x : results) {
                sum += x.giniSimpson(i);
            }
            double mean = sum / r;
            double ss = 0;
            for (ReplicateResult x : results) {
                ss += (x.giniSimpson(i) - mean) * (x.giniSimpson(i) - mean);
            }
            double se = Math.sqrt(ss / (r - 1) / r);
            // Replicates are i.i.d., so by the CLT the mean is within z standard errors of E[GS_i] except with
            // probability 1e-3/(g+1) per generation.
            assertEquals(expected, mean, z * se, "generation " + i);
        }
    }

    @Test
    void eachAtomsProbabilityIsAMartingale() {
        int n = 20;
        int g = 12;
        int r = 4000;
        SimulationConfig c = SimFixtures.wrightFisher(P0, n, g, r, 11L);
        Simulator s = new Simulator(c);
        double[][] p = new double[3][r];
        long[] last = new long[3];
        for (int j = 0; j < r; j++) {
            s.runReplicate(j, last);
            for (int a = 0; a < 3; a++) {
                p[a][j] = last[a] / (double) n;
            }
        }
        double z = z(1e-3, 3);
        for (int a = 0; a < 3; a++) {
            double mean = 0;
            for (double v : p[a]) {
                mean += v;
            }
            mean /= r;
            double ss = 0;
            for (double v : p[a]) {
                ss += (v - mean) * (v - mean);
            }
            // E[p̂_g(a)] = p₀(a) by the martingale property; standard error from the replicates.
            assertEquals(P[a], mean, z * Math.sqrt(ss / (r - 1) / r), "atom " + a);
        }
    }

    @Test
    void atomsFixWithProbabilityP0() throws InterruptedException {
        // n = 10 and 300 generations: E[GS_300] = 0.9^301 · 5/8 < 1e-13, and an unfixed state has GS ≥ 0.18, so by
        // Markov P(not fixed) < 1e-12 per replicate: every replicate has fixed.
        int r = 3000;
        SimulationConfig c = SimFixtures.wrightFisher(P0, 10, 300, r, 13L);
        List<ReplicateResult> results = new Simulator(c).run(2, Map.of(), x -> { }, u -> { });
        SimulationSummary summary = SimulationSummary.of(c, results);
        Map<Integer, Integer> fixation = summary.fixation();
        assertEquals(r, fixation.values().stream().mapToInt(Integer::intValue).sum(), "every replicate fixed");
        List<String> failures = new ArrayList<>();
        for (int a = 0; a < 3; a++) {
            int count = fixation.getOrDefault(a, 0);
            // Fixation on atom a is Bernoulli(p₀(a)) per replicate: the exact Clopper–Pearson interval at family
            // level 1e-3 over the 3 atoms must contain p₀(a).
            double[] ci = Statistics.clopperPearson(count, r, 1 - 1e-3 / 3);
            if (!(ci[0] <= P[a] && P[a] <= ci[1])) {
                failures.add("atom " + a + ": " + count + "/" + r + " outside [" + ci[0] + ", " + ci[1] + "]");
            }
        }
        assertTrue(failures.isEmpty(), failures.toString());
        assertEquals(r, summary.generations().get(300).fixedReplicates());
    }
}
